/**
 * The relationship health score: five factors with published weights, each explained in words.
 * docs/scoring.md describes the same model for admins; keep the two in step.
 */
import {
  ACTIVITY_KINDS,
  ActivityWeights,
  CommunicationFrequency,
  Grade,
  GradeBoundaries,
  HealthScore,
  InteractionData,
  MessageRef,
  RecordRef,
  ScoreFactor,
  ScoreFactorName,
  Settings,
  Trend,
} from "../model";
import { dayKey, daysBetween, elapsedDays, windowDays, type UtcOffsetAt } from "./time";

/** Points each factor can give; they add up to 100. */
export const FACTOR_WEIGHTS: Readonly<Record<ScoreFactorName, number>> = {
  recency: 30,
  frequency: 25,
  reciprocity: 20,
  momentum: 15,
  breadth: 10,
};

/** Days between contacts the admin expects. */
export const CADENCE_DAYS: Readonly<Record<CommunicationFrequency, number>> = { daily: 1, weekly: 7, biweekly: 14, monthly: 30 };

export const MIN_RECORD_AGE_DAYS = 7;
export const MIN_INTERACTIONS = 3;
/** A score change of at most this many points is Steady. */
export const TREND_DEAD_BAND = 5;
/** People per side at which breadth is full (a contact is one person on their side). */
export const TARGET_PEOPLE = 3;
/** Activity changes smaller than this percentage are reported as steady. */
export const STEADY_PERCENT = 10;

export const FACTOR_MESSAGE_KEYS = [
  "factor.recentReply",
  "factor.noReplyDays",
  "factor.noReplyInWindow",
  "factor.onCadence",
  "factor.belowCadence",
  "factor.noContact",
  "factor.oneWay",
  "factor.unanswered",
  "factor.balanced",
  "factor.mostlyOurs",
  "factor.mostlyTheirs",
  "factor.singleThreaded",
  "factor.peopleInvolved",
  "factor.interactionsNew",
  "factor.interactionsUp",
  "factor.interactionsDown",
  "factor.interactionsSteady",
] as const;
export type FactorMessageKey = (typeof FACTOR_MESSAGE_KEYS)[number];

/** Why a record has no score. */
export const SCORE_REASON_KEYS = [
  "score.leadQualified",
  "score.leadDisqualified",
  "score.opportunityWon",
  "score.opportunityLost",
  "score.recordTooNew",
  "score.tooFewInteractions",
] as const;
export type ScoreReasonKey = (typeof SCORE_REASON_KEYS)[number];

export interface HealthScoreInput {
  record: RecordRef;
  recordState: { statecode: number } | null;
  createdOn: Date | null;
  current: InteractionData;
  /** The same-length window just before `current`. */
  previous: InteractionData;
  settings: Settings["healthScore"];
  now: Date;
  /** The user's time zone, so "today" matches the day keys of the buckets. */
  utcOffsetAt?: UtcOffsetAt;
}

/** What the factors need from one window. "Ours"/"theirs" include meetings, which both sides attend. */
interface WindowSummary {
  days: number;
  interactions: number;
  weighted: number;
  outgoing: number;
  incoming: number;
  meetings: number;
  weightedOurs: number;
  weightedTheirs: number;
  /** Last day they wrote, called or met with us. */
  lastResponseDay: string | null;
}

function summarize(data: InteractionData, weights: ActivityWeights): WindowSummary {
  // Whole counts per kind first, weights after: the result then cannot depend on bucket order
  // through floating-point rounding.
  const perKind = new Map(ACTIVITY_KINDS.map((kind) => [kind, { all: 0, ours: 0, theirs: 0 }]));
  const summary: WindowSummary = {
    days: windowDays(data.window),
    interactions: 0,
    weighted: 0,
    outgoing: 0,
    incoming: 0,
    meetings: 0,
    weightedOurs: 0,
    weightedTheirs: 0,
    lastResponseDay: null,
  };
  for (const bucket of data.buckets) {
    const counts = perKind.get(bucket.kind);
    if (bucket.count <= 0 || counts === undefined) continue;
    const { direction, count } = bucket;
    counts.all += count;
    if (direction === "outgoing" || direction === "mutual") counts.ours += count;
    if (direction === "incoming" || direction === "mutual") counts.theirs += count;
    if (direction === "outgoing") summary.outgoing += count;
    if (direction === "incoming") summary.incoming += count;
    if (direction === "mutual") summary.meetings += count;
    const response = direction === "incoming" || direction === "mutual";
    if (response && (summary.lastResponseDay === null || bucket.day > summary.lastResponseDay)) summary.lastResponseDay = bucket.day;
  }
  for (const [kind, counts] of perKind) {
    summary.interactions += counts.all;
    summary.weighted += counts.all * weights[kind];
    summary.weightedOurs += counts.ours * weights[kind];
    summary.weightedTheirs += counts.theirs * weights[kind];
  }
  return summary;
}

type FactorDraft = { name: ScoreFactorName; value: number; message: MessageRef & { key: FactorMessageKey } };

/**
 * Messages that name a problem: their factor shows the points it lost, never the points it earned.
 * Marked pure so bundles that never score (the banner, the settings page) drop it.
 */
const PROBLEM_KEYS: ReadonlySet<FactorMessageKey> = /*#__PURE__*/ new Set<FactorMessageKey>([
  "factor.noReplyDays",
  "factor.noReplyInWindow",
  "factor.belowCadence",
  "factor.noContact",
  "factor.oneWay",
  "factor.unanswered",
  "factor.mostlyOurs",
  "factor.mostlyTheirs",
  "factor.singleThreaded",
  "factor.interactionsDown",
]);

function recency(summary: WindowSummary, today: string, cadence: number): FactorDraft {
  if (summary.lastResponseDay === null) {
    return { name: "recency", value: 0, message: { key: "factor.noReplyInWindow", params: { days: summary.days } } };
  }
  const days = Math.max(0, daysBetween(summary.lastResponseDay, today));
  // Full marks within one cadence period, then halving with every further period of silence.
  const value = days <= cadence ? 1 : 0.5 ** ((days - cadence) / cadence);
  const key = days <= cadence ? "factor.recentReply" : "factor.noReplyDays";
  return { name: "recency", value, message: { key, params: { days } } };
}

function frequency(summary: WindowSummary, cadence: number): FactorDraft {
  // Whole cadence periods in the window: weekly over 60 days expects 8, so writing every week is on cadence.
  const expected = Math.max(1, Math.floor(summary.days / cadence));
  const value = Math.min(1, summary.weighted / expected);
  const params = { count: summary.interactions, expected, days: summary.days };
  return { name: "frequency", value, message: { key: value >= 1 ? "factor.onCadence" : "factor.belowCadence", params } };
}

function reciprocity(summary: WindowSummary): FactorDraft {
  const { weightedOurs: ours, weightedTheirs: theirs } = summary;
  const value = Math.max(ours, theirs) === 0 ? 0 : Math.min(ours, theirs) / Math.max(ours, theirs);
  const params = { ours: summary.outgoing, theirs: summary.incoming, meetings: summary.meetings };
  let key: FactorMessageKey;
  if (ours === 0 && theirs === 0) key = "factor.noContact";
  else if (theirs === 0) key = "factor.oneWay";
  else if (ours === 0) key = "factor.unanswered";
  else if (value >= 0.5) key = "factor.balanced";
  else key = ours > theirs ? "factor.mostlyOurs" : "factor.mostlyTheirs";
  return { name: "reciprocity", value, message: { key, params } };
}

function breadth(data: InteractionData, record: RecordRef): FactorDraft {
  const theirTarget = record.type === "contact" ? 1 : TARGET_PEOPLE;
  const ours = Math.min(data.ourPeople, TARGET_PEOPLE) / TARGET_PEOPLE;
  const theirs = Math.min(data.theirPeople, theirTarget) / theirTarget;
  const key = data.theirPeople <= 1 && theirTarget > 1 ? "factor.singleThreaded" : "factor.peopleInvolved";
  return { name: "breadth", value: (ours + theirs) / 2, message: { key, params: { ours: data.ourPeople, theirs: data.theirPeople } } };
}

/** Steady or growing activity keeps full marks; a decline loses in proportion. */
function momentum(current: number, previous: number | null): FactorDraft {
  if (previous === null || previous === 0) return { name: "momentum", value: 1, message: { key: "factor.interactionsNew" } };
  const percent = Math.round(((current - previous) / previous) * 100);
  const value = Math.min(1, current / previous);
  if (Math.abs(percent) < STEADY_PERCENT) return { name: "momentum", value, message: { key: "factor.interactionsSteady" } };
  const key = percent > 0 ? "factor.interactionsUp" : "factor.interactionsDown";
  return { name: "momentum", value, message: { key, params: { percent: Math.abs(percent) } } };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/**
 * Positive: points the factor earned; negative: points it lost against its maximum. The sign
 * follows what the factor's message says, so "No reply in 10 days" never reads as raising the score.
 */
function impact(draft: FactorDraft): number {
  const weight = FACTOR_WEIGHTS[draft.name];
  return PROBLEM_KEYS.has(draft.message.key) ? -round1(weight * (1 - draft.value)) : round1(weight * draft.value);
}

export function gradeFor(score: number, boundaries: GradeBoundaries): Grade {
  if (score >= boundaries.good) return "good";
  return score >= boundaries.fair ? "fair" : "poor";
}

interface Scored {
  score: number;
  factors: ScoreFactor[];
}

function scoreWindow(
  data: InteractionData,
  summary: WindowSummary,
  previousWeighted: number | null,
  today: string,
  input: HealthScoreInput,
): Scored {
  const cadence = CADENCE_DAYS[input.settings.expectedFrequency];
  const balance = reciprocity(summary);
  const drafts = [
    recency(summary, today, cadence),
    frequency(summary, cadence),
    balance,
    momentum(summary.weighted, previousWeighted),
    breadth(data, input.record),
  ];
  const uncapped = Math.round(drafts.reduce((sum, f) => sum + FACTOR_WEIGHTS[f.name] * f.value, 0));
  // One-way contact is no relationship: whatever the volume, it grades Poor.
  const score = balance.value === 0 ? Math.min(uncapped, Math.ceil(input.settings.boundaries.fair) - 1) : uncapped;
  // The points the cap removed are reciprocity's doing, so its impact shows them.
  const factors: ScoreFactor[] = drafts.map((f) => ({
    ...f,
    impact: round1(impact(f) - (f === balance ? uncapped - score : 0)),
  }));
  // Stable sort: equal impacts keep the fixed factor order, so output never depends on chance.
  factors.sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact));
  return { score, factors };
}

function notApplicableReason(record: RecordRef, state: { statecode: number } | null): MessageRef | null {
  if (state === null) return null;
  const closed: Partial<Record<RecordRef["type"], Record<number, ScoreReasonKey>>> = {
    lead: { 1: "score.leadQualified", 2: "score.leadDisqualified" },
    opportunity: { 1: "score.opportunityWon", 2: "score.opportunityLost" },
  };
  const key = closed[record.type]?.[state.statecode];
  return key ? { key } : null;
}

function trendOf(score: number, previousScore: number | null): Trend {
  if (previousScore === null) return "notEnoughInfo";
  const change = score - previousScore;
  if (Math.abs(change) <= TREND_DEAD_BAND) return "steady";
  return change > 0 ? "improving" : "declining";
}

export function computeHealthScore(input: HealthScoreInput): HealthScore {
  const { current, previous, settings, now } = input;
  const offset = input.utcOffsetAt;
  const skippedRows = current.skippedRows + previous.skippedRows;
  const unscored = (status: "notEnoughInfo" | "notApplicable", reason: MessageRef): HealthScore => ({
    status,
    score: null,
    grade: null,
    trend: "notEnoughInfo",
    previousScore: null,
    factors: [],
    reason,
    last: current.last,
    next: current.next,
    skippedRows,
  });

  const closedReason = notApplicableReason(input.record, input.recordState);
  if (closedReason) return unscored("notApplicable", closedReason);
  if (input.createdOn !== null && elapsedDays(input.createdOn, now) < MIN_RECORD_AGE_DAYS) {
    const days = Math.max(0, Math.floor(elapsedDays(input.createdOn, now)));
    return unscored("notEnoughInfo", { key: "score.recordTooNew", params: { days, minimumDays: MIN_RECORD_AGE_DAYS } });
  }
  const summary = summarize(current, settings.weights);
  if (summary.interactions < MIN_INTERACTIONS) {
    const params = { count: summary.interactions, minimum: MIN_INTERACTIONS, days: summary.days };
    return unscored("notEnoughInfo", { key: "score.tooFewInteractions", params });
  }

  const previousSummary = summarize(previous, settings.weights);
  const { score, factors } = scoreWindow(current, summary, previousSummary.weighted, dayKey(now, offset), input);
  // The earlier score is computed the same way as of the end of its window; the period before it is
  // unknown, so its momentum counts as steady.
  const previousScore =
    previousSummary.interactions < MIN_INTERACTIONS
      ? null
      : scoreWindow(previous, previousSummary, null, dayKey(new Date(previous.window.to.getTime() - 1), offset), input).score;

  return {
    status: "scored",
    score,
    grade: gradeFor(score, settings.boundaries),
    trend: trendOf(score, previousScore),
    previousScore,
    factors,
    reason: null,
    last: current.last,
    next: current.next,
    skippedRows,
  };
}
