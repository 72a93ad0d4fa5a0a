import { describe, expect, it } from "vitest";
import { differenceOfProportions, excludes, ratioOfProportions, ratioOfRatios, wilsonInterval, Z_95, Z_99_8 } from "./intervals.ts";

// Every expected value below is worked by hand from the published formula (the steps are in the
// comments, to 6 significant figures) and, where the paper gives one, checked against its table.

describe("normal quantiles", () => {
  it("are qnorm(0.975) and qnorm(0.999) as published in tables", () => {
    // Tables of the normal distribution: 1.95996 (two-sided 95%), 3.09023 (two-sided 99.8%).
    expect(Z_95).toBeCloseTo(1.95996, 5);
    expect(Z_99_8).toBeCloseTo(3.09023, 5);
  });
});

describe("Wilson score interval", () => {
  it("gives 30.9% to 49.8% for 40 of 100", () => {
    // p = 0.4, n = 100, z^2 = 1.959964^2 = 3.841459
    // denominator = 1 + 3.841459 / 100 = 1.0384146
    // centre = (0.4 + 3.841459 / 200) / 1.0384146 = 0.4192073 / 1.0384146 = 0.4037000
    // half = (1.959964 / 1.0384146) * sqrt(0.4 * 0.6 / 100 + 3.841459 / 40000)
    //      = 1.887459 * sqrt(0.0024 + 0.0000960365) = 1.887459 * 0.0499604 = 0.0942982
    // interval = 0.4037000 - 0.0942982 .. 0.4037000 + 0.0942982 = 0.309402 .. 0.497998
    const w = wilsonInterval(40, 100)!;
    expect(w.lower).toBeCloseTo(0.309402, 5);
    expect(w.upper).toBeCloseTo(0.497998, 5);
  });

  it("matches Newcombe (1998) Table I, score method, for 81/263, 15/148, 0/20 and 1/29", () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lower, upper] of cases) {
      const w = wilsonInterval(x, n)!;
      expect(w.lower).toBeCloseTo(lower, 4);
      expect(w.upper).toBeCloseTo(upper, 4);
    }
  });

  it("stays inside 0..1 at 0% and 100%, and is symmetric about one half", () => {
    // 0 of 20: centre = (0 + 3.841459 / 40) / (1 + 3.841459 / 20) = 0.0960365 / 1.1920730 = 0.0805627
    // half = (1.959964 / 1.1920730) * sqrt(0 + 3.841459 / 1600) = 1.644164 * 0.0489990 = 0.0805624
    // so the lower end is 0 (to rounding) and the upper 0.161125.
    const none = wilsonInterval(0, 20)!;
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(0.161125, 5);
    const all = wilsonInterval(20, 20)!;
    expect(all.upper).toBe(1);
    expect(all.lower).toBeCloseTo(1 - 0.161125, 5);
  });

  it("accepts a fraction of a person (a published percentage times its base)", () => {
    // 62.3% of 451 = 280.973 people; p = 0.623, n = 451
    // denominator = 1 + 3.841459 / 451 = 1.0085176; centre = (0.623 + 0.0042588) / 1.0085176 = 0.621963
    // half = (1.959964 / 1.0085176) * sqrt(0.623 * 0.377 / 451 + 3.841459 / 813604)
    //      = 1.943411 * sqrt(0.000520784 + 0.00000472154) = 1.943411 * 0.0229239 = 0.0445506
    const w = wilsonInterval(0.623 * 451, 451)!;
    expect(w.lower).toBeCloseTo(0.621963 - 0.0445506, 5);
    expect(w.upper).toBeCloseTo(0.621963 + 0.0445506, 5);
  });

  it("has no interval without a base or for counts outside it", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(11, 10)).toBeNull();
    expect(wilsonInterval(-1, 10)).toBeNull();
  });

  it("narrows as the base grows and widens with z", () => {
    const width = (i: { lower: number; upper: number }) => i.upper - i.lower;
    expect(width(wilsonInterval(400, 1000)!)).toBeLessThan(width(wilsonInterval(40, 100)!));
    expect(width(wilsonInterval(40, 100, Z_99_8)!)).toBeGreaterThan(width(wilsonInterval(40, 100)!));
  });
});

describe("ratio of two proportions (Katz log)", () => {
  it("gives 1.53 to 2.27 for the board paper's 1.86 (White 372 of 1,200, BME 100 of 600)", () => {
    // ratio = (372 / 1200) / (100 / 600) = 0.31 / 0.1666667 = 1.86
    // SE(log ratio) = sqrt(1/372 - 1/1200 + 1/100 - 1/600)
    //               = sqrt(0.00268817 - 0.00083333 + 0.01 - 0.00166667) = sqrt(0.0101882) = 0.100936
    // log 1.86 = 0.620576; 1.959964 * 0.100936 = 0.197831
    // interval = exp(0.620576 - 0.197831) .. exp(0.620576 + 0.197831) = exp(0.422745) .. exp(0.818407)
    //          = 1.52614 .. 2.26689
    const r = ratioOfProportions(372, 1200, 100, 600)!;
    expect(r.ratio).toBeCloseTo(1.86, 10);
    expect(r.logStandardError).toBeCloseTo(0.100936, 5);
    expect(r.interval.lower).toBeCloseTo(1.52614, 4);
    expect(r.interval.upper).toBeCloseTo(2.26689, 4);
    expect(r.corrected).toBe(false);
    expect(excludes(r.interval, 1)).toBe(true);
  });

  it("is the reciprocal interval when the groups swap places", () => {
    // 1 / 2.26689 = 0.441133 and 1 / 1.52614 = 0.655247
    const r = ratioOfProportions(100, 600, 372, 1200)!;
    expect(r.interval.lower).toBeCloseTo(0.441133, 5);
    expect(r.interval.upper).toBeCloseTo(0.655247, 5);
  });

  it("includes parity when the groups are small and the ratio is near 1", () => {
    // (12 / 40) / (30 / 120) = 0.3 / 0.25 = 1.2
    // SE = sqrt(1/12 - 1/40 + 1/30 - 1/120) = sqrt(0.0833333 - 0.025 + 0.0333333 - 0.0083333) = sqrt(0.0833333) = 0.288675
    // log 1.2 = 0.182322; 1.959964 * 0.288675 = 0.565793
    // interval = exp(-0.383471) .. exp(0.748115) = 0.681492 .. 2.11301
    const r = ratioOfProportions(12, 40, 30, 120)!;
    expect(r.interval.lower).toBeCloseTo(0.681492, 5);
    expect(r.interval.upper).toBeCloseTo(2.11301, 4);
    expect(excludes(r.interval, 1)).toBe(false);
  });

  it("adds 0.5 to every cell when one is 0: lower limit 0 when the top count is 0", () => {
    // 0 of 400 against 10 of 1000: ratio 0. Corrected: 0.5 of 401 against 10.5 of 1001.
    // SE = sqrt(1/0.5 - 1/401 + 1/10.5 - 1/1001) = sqrt(2 - 0.00249377 + 0.0952381 - 0.000999001) = sqrt(2.0917456) = 1.446287
    // log((0.5 / 401) / (10.5 / 1001)) = log(0.00124688 / 0.0104895) = log(0.118869) = -2.129729
    // upper = exp(-2.129729 + 1.959964 * 1.446287) = exp(-2.129729 + 2.834670) = exp(0.704941) = 2.02373
    const r = ratioOfProportions(0, 400, 10, 1000)!;
    expect(r.ratio).toBe(0);
    expect(r.corrected).toBe(true);
    expect(r.interval.lower).toBe(0);
    expect(r.logStandardError).toBeCloseTo(1.446287, 5);
    expect(r.interval.upper).toBeCloseTo(2.02373, 4);
  });

  it("gives a real interval, not a point, when every member of both groups was counted", () => {
    // 10 of 10 against 20 of 20: ratio 1; cells n - x are 0, so 10.5 of 11 against 20.5 of 21.
    // SE = sqrt(1/10.5 - 1/11 + 1/20.5 - 1/21) = sqrt(0.0952381 - 0.0909091 + 0.0487805 - 0.0476190) = sqrt(0.00549046) = 0.0740976
    // log((10.5 / 11) / (20.5 / 21)) = log(0.954545 / 0.976190) = log(0.977827) = -0.0224225
    // interval = exp(-0.0224225 -/+ 1.959964 * 0.0740976) = exp(-0.167651) .. exp(0.122806) = 0.845649 .. 1.130665
    const r = ratioOfProportions(10, 10, 20, 20)!;
    expect(r.ratio).toBe(1);
    expect(r.interval.lower).toBeCloseTo(0.84565, 4);
    expect(r.interval.upper).toBeCloseTo(1.13067, 4);
  });

  it("has no ratio when the lower group's count or either base is 0", () => {
    expect(ratioOfProportions(10, 100, 0, 100)).toBeNull();
    expect(ratioOfProportions(0, 0, 10, 100)).toBeNull();
    expect(ratioOfProportions(120, 100, 10, 100)).toBeNull();
  });
});

describe("difference of two proportions (Newcombe hybrid score)", () => {
  it("works 56/70 - 48/80 by hand and matches Newcombe (1998) Table II, method 10", () => {
    // p1 = 0.8, Wilson 0.691834 .. 0.876953; p2 = 0.6, Wilson 0.490455 .. 0.700382
    // lower = 0.2 - sqrt((0.8 - 0.691834)^2 + (0.700382 - 0.6)^2) = 0.2 - sqrt(0.0117000 + 0.0100765) = 0.2 - 0.147568 = 0.052432
    // upper = 0.2 + sqrt((0.876953 - 0.8)^2 + (0.6 - 0.490455)^2) = 0.2 + sqrt(0.00592176 + 0.0120001) = 0.2 + 0.133873 = 0.333873
    // (the paper: +0.0524 to +0.3339)
    const d = differenceOfProportions(56, 70, 48, 80)!;
    expect(d.difference).toBeCloseTo(0.2, 10);
    expect(d.interval.lower).toBeCloseTo(0.052432, 5);
    expect(d.interval.upper).toBeCloseTo(0.333873, 5);
    expect(d.interval.lower.toFixed(4)).toBe("0.0524");
    expect(d.interval.upper.toFixed(4)).toBe("0.3339");
  });

  it("matches the paper's other examples, zeros included", () => {
    const cases: [number, number, number, number, number, number][] = [
      [9, 10, 3, 10, 0.1705, 0.809],
      [6, 7, 2, 7, 0.0582, 0.8062],
      [5, 56, 0, 29, -0.0381, 0.1926],
      [0, 10, 0, 20, -0.1611, 0.2775],
      [10, 10, 0, 20, 0.6791, 1],
    ];
    for (const [x1, n1, x2, n2, lower, upper] of cases) {
      const d = differenceOfProportions(x1, n1, x2, n2)!;
      expect(d.interval.lower).toBeCloseTo(lower, 4);
      expect(d.interval.upper).toBeCloseTo(upper, 4);
    }
    expect(differenceOfProportions(1, 0, 1, 10)).toBeNull();
  });
});

describe("ratio of two relative likelihoods (year on year)", () => {
  it("combines the two log standard errors", () => {
    // now: 1.86, SE 0.100936 (above). before: (300 / 1100) / (100 / 500) = 0.272727 / 0.2 = 1.363636,
    //   SE = sqrt(1/300 - 1/1100 + 1/100 - 1/500) = sqrt(0.00333333 - 0.000909091 + 0.01 - 0.002) = sqrt(0.0104242) = 0.102099
    // ratio = 1.86 / 1.363636 = 1.364; SE = sqrt(0.100936^2 + 0.102099^2) = sqrt(0.0101881 + 0.0104242) = 0.143570
    // interval = exp(log 1.364 -/+ 1.959964 * 0.143570) = exp(0.310418 -/+ 0.281392) = exp(0.029026) .. exp(0.591810)
    //          = 1.02945 .. 1.80727
    const now = ratioOfProportions(372, 1200, 100, 600)!;
    const before = ratioOfProportions(300, 1100, 100, 500)!;
    const r = ratioOfRatios(now, before)!;
    expect(r.ratio).toBeCloseTo(1.364, 6);
    expect(r.interval.lower).toBeCloseTo(1.02945, 4);
    expect(r.interval.upper).toBeCloseTo(1.80727, 4);
    expect(excludes(r.interval, 1)).toBe(true);
  });

  it("has no answer when a ratio is 0", () => {
    expect(ratioOfRatios(ratioOfProportions(0, 400, 10, 1000)!, ratioOfProportions(372, 1200, 100, 600)!)).toBeNull();
  });
});

describe("excludes", () => {
  it("counts the ends as inside", () => {
    expect(excludes({ lower: 1, upper: 2 }, 1)).toBe(false);
    expect(excludes({ lower: 1.01, upper: 2 }, 1)).toBe(true);
    expect(excludes({ lower: -0.2, upper: -0.01 }, 0)).toBe(true);
  });
});
