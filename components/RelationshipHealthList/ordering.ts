/**
 * How the list ranks and narrows its rows. Pure: the view order (the maker's sort) is always the
 * tie-breaker, so our orders refine the view's instead of discarding it.
 */
import type { Grade, HealthScore, Trend } from "../../shared/model";
import type { Failure } from "../../shared/ui/failure";
import type { ListRow } from "./dataset";
import type { HealthListEntry } from "../../shared/data/healthList";

export type RowOutcome =
  | { kind: "loading" }
  | { kind: "health"; health: HealthScore; entry: HealthListEntry }
  | { kind: "failed"; failure: Failure };

export interface ListItem {
  row: ListRow;
  /** Position in the view's own order. */
  position: number;
  outcome: RowOutcome;
}

export type SortOrder = "attention" | "scoreLow" | "scoreHigh" | "lastAnswer" | "view";
export const SORT_ORDERS: readonly SortOrder[] = ["attention", "scoreLow", "scoreHigh", "lastAnswer", "view"];

export type GradeFilter = "all" | Grade | "noScore";
export const GRADE_FILTERS: readonly GradeFilter[] = ["all", "poor", "fair", "good", "noScore"];

export type TrendFilter = "all" | Exclude<Trend, "notEnoughInfo">;
export const TREND_FILTERS: readonly TrendFilter[] = ["all", "declining", "steady", "improving"];

export interface Arrangement {
  order: SortOrder;
  grade: GradeFilter;
  trend: TrendFilter;
}

export const DEFAULT_ARRANGEMENT: Arrangement = { order: "attention", grade: "all", trend: "all" };

const MS_PER_DAY = 86_400_000;

/** A score with a grade, when the record has one. */
export function scored(item: ListItem): { score: number; grade: Grade; health: HealthScore } | null {
  if (item.outcome.kind !== "health") return null;
  const { health } = item.outcome;
  return health.status === "scored" && health.score !== null && health.grade !== null
    ? { score: health.score, grade: health.grade, health }
    : null;
}

/**
 * Whole days since they last wrote back, called us or met us: the recency factor's reading when
 * the score has one, else their last activity if it was theirs. Null when there is none to count.
 */
export function daysSinceAnswer(health: HealthScore, now: Date): number | null {
  const recency = health.factors.find((factor) => factor.name === "recency");
  const days = recency?.message.params?.days;
  if (recency && recency.message.key !== "factor.noReplyInWindow" && typeof days === "number") return days;
  const last = health.last;
  if (last && (last.direction === "incoming" || last.direction === "mutual")) {
    return Math.max(0, Math.floor((now.getTime() - last.at.getTime()) / MS_PER_DAY));
  }
  return null;
}

/**
 * Need of attention: poor and declining first, then poor or declining, then the rest, each by
 * score (lowest first); then records without a score, failed ones, and closed ones last (a won or
 * lost record needs no relationship care).
 */
function attentionRank(item: ListItem): [number, number] {
  const score = scored(item);
  if (score) {
    const flags = (score.grade === "poor" ? 1 : 0) + (score.health.trend === "declining" ? 1 : 0);
    return [2 - flags, score.score];
  }
  switch (item.outcome.kind) {
    case "health":
      return [item.outcome.health.status === "notEnoughInfo" ? 3 : 6, 0];
    case "failed":
      return [4, 0];
    case "loading":
      return [5, 0];
  }
}

function compareBy(order: SortOrder, now: Date): (a: ListItem, b: ListItem) => number {
  switch (order) {
    case "attention":
      return (a, b) => {
        const [ra, sa] = attentionRank(a);
        const [rb, sb] = attentionRank(b);
        return ra - rb || sa - sb;
      };
    case "scoreLow":
    case "scoreHigh": {
      const sign = order === "scoreLow" ? 1 : -1;
      return (a, b) => {
        const sa = scored(a)?.score;
        const sb = scored(b)?.score;
        // Rows without a score go last either way.
        if (sa === undefined || sb === undefined) return (sa === undefined ? 1 : 0) - (sb === undefined ? 1 : 0);
        return sign * (sa - sb);
      };
    }
    case "lastAnswer": {
      // Longest silence first; no answer at all is the longest.
      const silence = (item: ListItem) =>
        item.outcome.kind === "health" ? (daysSinceAnswer(item.outcome.health, now) ?? Number.POSITIVE_INFINITY) : -1;
      return (a, b) => {
        const da = silence(a);
        const db = silence(b);
        return da === db ? 0 : db > da ? 1 : -1;
      };
    }
    case "view":
      return () => 0;
  }
}

function passes(item: ListItem, arrangement: Arrangement): boolean {
  const score = scored(item);
  if (arrangement.grade !== "all") {
    if (arrangement.grade === "noScore" ? score !== null : score?.grade !== arrangement.grade) return false;
  }
  if (arrangement.trend !== "all") {
    if (item.outcome.kind !== "health" || item.outcome.health.trend !== arrangement.trend) return false;
  }
  return true;
}

export function arrange(items: ListItem[], arrangement: Arrangement, now: Date): ListItem[] {
  const compare = compareBy(arrangement.order, now);
  return items.filter((item) => passes(item, arrangement)).sort((a, b) => compare(a, b) || a.position - b.position);
}
