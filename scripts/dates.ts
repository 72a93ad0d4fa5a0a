/** Dates as GOV.UK and NHS.UK write them: "31 March 2024". The one place dates are worded. */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-03-31" -> "31 March 2024". */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]!} ${year}`;
}
