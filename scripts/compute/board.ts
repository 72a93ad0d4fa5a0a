/**
 * Board representation (WRES 9, WDES 10): the focus group's share of board members minus its
 * share of the overall workforce, in percentage points. The headline is the board's VOTING
 * membership, as the standards define it (NHS England WRES technical guidance, indicator 9; WDES
 * technical guidance, metric 10); the executive, non-executive, non-voting and all-member rows are
 * its breakdown. Board membership is published and never suppressed; the workforce share is
 * (it can be hidden when the group is small), and a difference built on it with it.
 */
import type { GroupCounts, Metrics } from "../validate/metrics-schema.ts";
import { notAvailable, shown } from "./figures.ts";
import { groupsOf, type Dimension } from "./groups.ts";
import type { BoardDetail, BoardRow, Figure, RepresentationRow } from "./types.ts";

type Board = NonNullable<Metrics["board"]>;

/** The headline row first, then its breakdown. */
const ROWS: { key: BoardRow["key"]; label: string; cells: (keyof Board)[] }[] = [
  { key: "voting", label: "Voting members", cells: ["voting_executive", "voting_non_executive"] },
  { key: "executive", label: "Executive members", cells: ["voting_executive", "non_voting_executive"] },
  { key: "non-executive", label: "Non-executive members", cells: ["voting_non_executive", "non_voting_non_executive"] },
  { key: "non-voting", label: "Non-voting members", cells: ["non_voting_executive", "non_voting_non_executive"] },
  { key: "all", label: "All board members", cells: ["voting_executive", "voting_non_executive", "non_voting_executive", "non_voting_non_executive"] },
];

/**
 * `overall` is the overall workforce row of WRES 1 / WDES 1 (already suppressed): its focus
 * share is the comparison. `workforceShare` is that share unrounded, for the arithmetic.
 */
export function computeBoard(board: Board, dimension: Dimension, overall: RepresentationRow, workforceShare: number): BoardDetail {
  const [, focus] = groupsOf[dimension];
  const shareFigure: Figure = overall.cells.find((c) => c.group === focus)!.share;
  const rows = ROWS.map(({ key, label, cells }): BoardRow => {
    // Only called for a split the file gives in full (see presentSplits), so `?? 0` never hides a gap.
    const members = cells.reduce((s, c) => s + groupsOf[dimension].reduce((t, g) => t + (board[c][g as keyof GroupCounts] ?? 0), 0), 0);
    const focusMembers = cells.reduce((s, c) => s + (board[c][focus as keyof GroupCounts] ?? 0), 0);
    const share = members === 0 ? notAvailable("there are no board members in this group") : shown((100 * focusMembers) / members, "%");
    let difference: Figure;
    if (share.value === null) difference = share;
    else if (shareFigure.value === null) difference = shareFigure;
    else difference = shown((100 * focusMembers) / members - workforceShare, "points");
    return { key, label, members, focusMembers, share, difference };
  });
  return { rows, workforceShare: shareFigure };
}
