/** Words for the person running the tool: a count with its noun in the right number. Pure. */

/** "1 report", "2 reports"; `many` for a plural that is not the noun and an s ("1 body", "2 bodies"). */
export const counted = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
