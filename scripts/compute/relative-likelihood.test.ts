import { describe, expect, it } from "vitest";
import { groupLabels } from "./groups.ts";
import { computeLikelihood, outsideBand, type LikelihoodSpec } from "./relative-likelihood.ts";

const labels = groupLabels("culturally diverse");
const wres2: LikelihoodSpec = {
  subject: "white",
  comparator: "bme",
  focus: "bme",
  noneInBase: (g) => `no ${g} applicants were shortlisted`,
  noneCounted: (g) => `no ${g} applicants were appointed`,
};
const rl = (white: [number, number], bme: [number, number], threshold = 10) =>
  computeLikelihood(wres2, { group: "white", numerator: white[0], denominator: white[1] }, { group: "bme", numerator: bme[0], denominator: bme[1] }, labels, threshold);

describe("relative likelihood", () => {
  it("gives 3.21 for 46.99% against 14.65% (published as 3.2 times)", () => {
    // 0.4699 / 0.1465 = 3.2075... -> 3.21 to two decimals, 3.2 to one.
    const r = rl([4699, 10000], [1465, 10000]);
    expect(r.value.value).toBe(3.21);
    expect(r.value.display).toBe("3.21");
    expect(r.value.value!.toFixed(1)).toBe("3.2");
    expect(r.groups.map((g) => [g.key, g.value.display])).toEqual([
      ["white", "47.0%"],
      ["bme", "14.7%"],
    ]);
  });

  it("gives the board paper's 2023 figure of 1.86 from counts", () => {
    // White 372 of 1200 = 31%; BME 100 of 600 = 16.67%; 0.31 / 0.16667 = 1.86.
    const r = rl([372, 1200], [100, 600]);
    expect(r.value.display).toBe("1.86");
    expect(outsideBand(r.value, { lower: 0.8, upper: 1.25 })).toBe(true);
  });

  it("is not available, with the reason, when a group has nobody in it", () => {
    const none = rl([372, 1200], [0, 0]);
    expect(none.value).toEqual({ value: null, display: "not available", status: "not available", reason: "no culturally diverse applicants were shortlisted" });
    const noneAppointed = rl([372, 1200], [0, 600]);
    expect(noneAppointed.value.reason).toBe("no culturally diverse applicants were appointed");
    expect(JSON.stringify([none, noneAppointed])).not.toMatch(/NaN|Infinity|null,"display":"\d/);
  });

  it("hides the likelihood and the rate built on a small count, and the count itself", () => {
    const r = rl([372, 1200], [7, 600]);
    // A likelihood is not a count: it is "not shown", never "fewer than 10".
    expect(r.value).toMatchObject({ value: null, display: "not shown", status: "suppressed" });
    expect(r.value.reason).toBe("it would let a number below 10 be worked out");
    const bme = r.groups.find((g) => g.key === "bme")!;
    expect(bme.value.value).toBeNull();
    expect(bme.numerator).toMatchObject({ value: null, display: "fewer than 10" });
    expect(bme.denominator?.display).toBe("600");
    expect(JSON.stringify(r)).not.toMatch(/\b7\b|1\.17|0\.0117/);
  });

  it("flags only values outside the band, not its edges", () => {
    expect(outsideBand({ value: 0.8, display: "0.80", status: "shown" }, { lower: 0.8, upper: 1.25 })).toBe(false);
    expect(outsideBand({ value: 1.26, display: "1.26", status: "shown" }, { lower: 0.8, upper: 1.25 })).toBe(true);
    expect(outsideBand({ value: null, display: "not available", status: "not available" }, { lower: 0.8, upper: 1.25 })).toBeNull();
  });
});
