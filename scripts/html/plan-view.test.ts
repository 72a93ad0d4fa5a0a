// The action plan's views: column widths for print, and statuses as at the review date whatever
// the day of the build.
import { afterEach, describe, expect, it, vi } from "vitest";
import { readProject } from "../load/read-project.ts";
import { validateProject } from "../validate/validate-project.ts";
import { repoRoot } from "../../test/project.ts";
import { buildSiteModel } from "./site-model.ts";
import { columnShares } from "./plan-view.ts";

describe("columnShares", () => {
  it("shares the width by weight, raising a column to its minimum at the others' expense", () => {
    expect(columnShares([1, 1, 2], [0, 0, 0])).toEqual([0.25, 0.25, 0.5]);
    const shares = columnShares([1, 4, 5], [0.2, 0, 0]);
    expect(shares[0]).toBe(0.2);
    expect(shares[1]! / shares[2]!).toBeCloseTo(4 / 5);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    // Minimums that cannot all be met are scaled down alike.
    expect(columnShares([1, 1], [0.75, 0.5])).toEqual([0.6, 0.4]);
  });
});

describe("statuses as at the review date", () => {
  afterEach(() => vi.useRealTimers());

  it("an old edition built years later reads exactly as it did", async () => {
    const { files } = await readProject(repoRoot);
    const { project } = validateProject(files);
    const model = () => JSON.stringify(buildSiteModel(project!, { indicators: new Map(), charts: new Map() }).reports.map((r) => r.plan));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-04-01T12:00:00Z"));
    const then = model();
    vi.setSystemTime(new Date("2031-11-30T12:00:00Z"));
    expect(model()).toBe(then);
    const example = buildSiteModel(project!, { indicators: new Map(), charts: new Map() }).reports.find((r) => r.key === "example-nhs-trust/2024-25")!;
    expect([example.plan.statusDate, example.plan.progress?.overdue]).toEqual(["31 March 2025", 2]);
  });
});
