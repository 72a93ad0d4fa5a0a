import { describe, expect, it } from "vitest";
import { effectiveSize, normalLimits, overdispersion, positionAgainst, proportionLimits, ratioLimits } from "./funnel.ts";
import { excludes, ratioOfProportions } from "./intervals.ts";

// Every expected value is worked by hand from the formula in funnel.ts (steps in the comments, to
// 6 or 7 significant figures). z = 1.959964 for 95% and 3.090232 for 99.8%.

/*
 * The worked group used below (and in the guide): White applicants 600 appointed of 2,000
 * shortlisted, BME applicants 150 of 1,000, across all its organisations.
 *   pooled likelihood = (600 / 2000) / (150 / 1000) = 0.3 / 0.15 = 2.0
 *   s0^2 = 1/600 - 1/2000 + 1/150 - 1/1000 = 0.0016667 - 0.0005 + 0.0066667 - 0.001 = 0.0068333
 *   group size N = 2,000 + 1,000 = 3,000, so the variance per person V = 0.0068333 x 3,000 = 20.5
 */
const V = 20.5;

describe("limits for a relative likelihood", () => {
  it("works the worked group's pooled figure and variance per person from the counts", () => {
    const pooled = ratioOfProportions(600, 2000, 150, 1000)!;
    expect(pooled.ratio).toBeCloseTo(2, 12);
    expect(pooled.logStandardError ** 2 * 3000).toBeCloseTo(V, 10);
  });

  it("are 1.345 to 2.974 (95%) and 1.070 to 3.739 (99.8%) at 500 people", () => {
    // s = sqrt(20.5 / 500) = sqrt(0.041) = 0.2024846; log 2 = 0.6931472
    // 95%:   0.6931472 -/+ 1.959964 x 0.2024846 = 0.6931472 -/+ 0.3968626 -> exp(0.2962846) = 1.344853, exp(1.0900098) = 2.974303
    // 99.8%: 0.6931472 -/+ 3.090232 x 0.2024846 = 0.6931472 -/+ 0.6257245 -> exp(0.0674227) = 1.069748, exp(1.3188717) = 3.739199
    const l = ratioLimits(2, V, 500);
    expect(l.lower95).toBeCloseTo(1.344853, 5);
    expect(l.upper95).toBeCloseTo(2.974303, 5);
    expect(l.lower998).toBeCloseTo(1.069748, 5);
    expect(l.upper998).toBeCloseTo(3.739199, 5);
  });

  it("narrow towards the pooled figure as the size grows, and sit evenly about it on the log scale", () => {
    // At 3,000 people (the whole group): s = sqrt(20.5 / 3000) = 0.0826640;
    // 95%: exp(0.6931472 -/+ 0.1620185) = exp(0.5311287) .. exp(0.8551657) = 1.700851 .. 2.351764
    const l = ratioLimits(2, V, 3000);
    expect(l.lower95).toBeCloseTo(1.700851, 5);
    expect(l.upper95).toBeCloseTo(2.351764, 5);
    expect(l.lower95 * l.upper95).toBeCloseTo(4, 10); // 2 / lower = upper / 2
    expect(ratioLimits(2, V, 500).upper95).toBeGreaterThan(l.upper95);
  });
});

describe("effective size", () => {
  it("is an organisation's real size when it has the group's rates and mix", () => {
    // 60 of 200 White and 15 of 100 BME applicants appointed: a tenth of the group, same rates.
    // s^2 = 1/60 - 1/200 + 1/15 - 1/100 = 0.0166667 - 0.005 + 0.0666667 - 0.01 = 0.0683333
    // effective size = 20.5 / 0.0683333 = 300 = 200 + 100
    const s = ratioOfProportions(60, 200, 15, 100)!.logStandardError;
    expect(effectiveSize(V, s)).toBeCloseTo(300, 8);
  });

  it("is smaller than the real size when fewer of the applicants are in the smaller group", () => {
    // 60 of 200 White, 6 of 40 BME: s^2 = 1/60 - 1/200 + 1/6 - 1/40 = 0.0166667 - 0.005 + 0.1666667 - 0.025 = 0.1533333
    // effective size = 20.5 / 0.1533333 = 133.6957, against 240 applicants
    const s = ratioOfProportions(60, 200, 6, 40)!.logStandardError;
    expect(effectiveSize(V, s)).toBeCloseTo(133.6957, 3);
  });

  it("puts a point outside the 95% limits exactly when its own 95% interval leaves out the pooled figure", () => {
    // 60 of 200 against 6 of 100: ratio 0.3 / 0.06 = 5; s = sqrt(1/60 - 1/200 + 1/6 - 1/100) = 0.410284,
    //   interval exp(1.609438 -/+ 0.804143) = 2.237 .. 11.17: it leaves out 2.
    // 60 of 200 against 12 of 100: ratio 2.5; s = sqrt(1/60 - 1/200 + 1/12 - 1/100) = 0.291548,
    //   interval exp(0.916291 -/+ 0.571423) = 1.412 .. 4.427: it includes 2.
    for (const [b, outside] of [
      [6, true],
      [12, false],
    ] as const) {
      const r = ratioOfProportions(60, 200, b, 100)!;
      const limits = ratioLimits(2, V, effectiveSize(V, r.logStandardError));
      expect(positionAgainst(r.ratio, limits) !== "within").toBe(outside);
      expect(excludes(r.interval, 2)).toBe(outside);
    }
  });
});

describe("limits for a proportion", () => {
  it("are 16.08% to 23.92% (95%) and 13.82% to 26.18% (99.8%) around 20% at 400 people", () => {
    // s = sqrt(0.2 x 0.8 / 400) = sqrt(0.0004) = 0.02
    // 95%: 0.2 -/+ 1.959964 x 0.02 = 0.2 -/+ 0.0391993; 99.8%: 0.2 -/+ 3.090232 x 0.02 = 0.2 -/+ 0.0618046
    const l = proportionLimits(0.2, 400);
    expect(l.lower95).toBeCloseTo(0.1608007, 6);
    expect(l.upper95).toBeCloseTo(0.2391993, 6);
    expect(l.lower998).toBeCloseTo(0.1381954, 6);
    expect(l.upper998).toBeCloseTo(0.2618046, 6);
  });

  it("widen by the variance between organisations", () => {
    // s = sqrt(0.0004 + 0.0021) = sqrt(0.0025) = 0.05; 95%: 0.2 -/+ 0.0979982
    const l = proportionLimits(0.2, 400, 0.0021);
    expect(l.lower95).toBeCloseTo(0.1020018, 6);
    expect(l.upper95).toBeCloseTo(0.2979982, 6);
  });

  it("stay within 0% and 100%", () => {
    // 5% of 20: s = sqrt(0.05 x 0.95 / 20) = 0.0487340; 0.05 - 3.090232 x 0.0487340 = -0.1006 -> 0
    expect(proportionLimits(0.05, 20).lower998).toBe(0);
    expect(proportionLimits(0.95, 20).upper998).toBe(1);
  });
});

describe("limits around a centre", () => {
  it("are the centre plus and minus 1.96 and 3.09 standard errors", () => {
    // a board difference of -5 points with a standard error of 8 points:
    // 95%: -5 -/+ 15.67971 = -20.67971 .. 10.67971; 99.8%: -5 -/+ 24.72186 = -29.72186 .. 19.72186
    const l = normalLimits(-5, 8);
    expect(l.lower95).toBeCloseTo(-20.67971, 4);
    expect(l.upper95).toBeCloseTo(10.67971, 4);
    expect(l.lower998).toBeCloseTo(-29.72186, 4);
    expect(l.upper998).toBeCloseTo(19.72186, 4);
  });
});

describe("position against the limits", () => {
  const limits = { lower95: 1, upper95: 2, lower998: 0.5, upper998: 3 };
  it("names the band a figure falls in, with a figure on a limit inside it", () => {
    expect(positionAgainst(3.01, limits)).toBe("above 99.8");
    expect(positionAgainst(3, limits)).toBe("above 95");
    expect(positionAgainst(2.5, limits)).toBe("above 95");
    expect(positionAgainst(2, limits)).toBe("within");
    expect(positionAgainst(1, limits)).toBe("within");
    expect(positionAgainst(0.9, limits)).toBe("below 95");
    expect(positionAgainst(0.5, limits)).toBe("below 95");
    expect(positionAgainst(0.49, limits)).toBe("below 99.8");
  });
});

describe("over-dispersion", () => {
  it("is 17/1200 for four organisations spread twice as widely as chance allows", () => {
    // Values 0.1, 0.2, 0.3, 0.4, each with s = 0.05, around 0.25: z = -3, -1, 1, 3 (fewer than 10: none Winsorised).
    // phi = (9 + 1 + 1 + 9) / 4 = 5; w = 1 / 0.05^2 = 400 each; sum w = 1600, sum w^2 = 640000, sum w^2 / sum w = 400
    // tau^2 = (4 x 5 - 3) / (1600 - 400) = 17 / 1200 = 0.0141667
    const o = overdispersion([0.1, 0.2, 0.3, 0.4].map((value) => ({ value, standardError: 0.05 })), 0.25);
    expect(o.phi).toBeCloseTo(5, 12);
    expect(o.tau2).toBeCloseTo(17 / 1200, 12);
  });

  it("is 0 when the organisations differ no more than chance: one far-out organisation at each end is pulled in", () => {
    // Ten z-scores -5, -1, -0.5, 0, 0, 0, 0, 0.5, 1, 8 (s = 1, target 0); floor(10 / 10) = 1 at each end:
    // -5 becomes -1 and 8 becomes 1. phi = (1 + 1 + 0.25 + 0 + 0 + 0 + 0 + 0.25 + 1 + 1) / 10 = 0.45;
    // 10 x 0.45 - 9 < 0, so tau^2 = 0. (Without Winsorising phi would be 9.15.)
    const o = overdispersion([-5, -1, -0.5, 0, 0, 0, 0, 0.5, 1, 8].map((value) => ({ value, standardError: 1 })), 0);
    expect(o.phi).toBeCloseTo(0.45, 12);
    expect(o.tau2).toBe(0);
  });

  it("needs two organisations", () => {
    expect(overdispersion([{ value: 0.3, standardError: 0.01 }], 0.2)).toEqual({ phi: 1, tau2: 0 });
  });
});
