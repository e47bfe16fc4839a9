/**
 * Who knows whom: colleagues ranked by connection strength. Unlike a frequency-only ranking, strength
 * also weighs whether the customer answered, how recently, and the channel (a meeting says more than
 * an email). Only metadata is used: who, when, which channel.
 */
import { ActivityKind, Channel, Colleague, Introducer, IntroducerEvidence, MessageRef } from "../model";
import { normalizeGuid } from "./ids";
import { elapsedDays } from "./time";

/** One aggregate row: a colleague's activities of one kind with the customer. */
export interface IntroducerRow {
  userId: string;
  kind: ActivityKind;
  /** The customer was a sender (email, call) or an attendee (meeting). */
  customerReplied: boolean;
  count: number;
  last: Date | null;
}

export const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = { meeting: 3, call: 2, email: 1 };
/** Weighted interactions at which the volume part reaches 1 - 1/e (63%); it saturates after. */
export const VOLUME_SCALE = 10;
/** Replies or attended meetings that earn the full reciprocity part. */
export const FULL_REPLIES = 3;
/** Shares of volume and reciprocity in the strength before recency scales it. */
export const VOLUME_SHARE = 0.6;
export const RECIPROCITY_SHARE = 0.4;
export const RECENCY_HALF_LIFE_DAYS = 90;
/** A long-quiet connection keeps this share: people do not forget each other entirely. */
export const RECENCY_FLOOR = 0.3;
export const STRONG_FROM = 70;
export const GOOD_FROM = 40;

export const INTRODUCER_MESSAGE_KEYS = ["introducer.reason", "introducer.reasonUndated"] as const;

const CHANNEL_OF: Readonly<Record<ActivityKind, Channel | null>> = {
  appointment: "meeting",
  phonecall: "call",
  email: "email",
  task: null, // a task has no counterpart: it shows no acquaintance
};

export interface RankOptions {
  now: Date;
  currentUserId: string;
  excludedUserIds: string[];
  count: number;
}

/** 0..100 from the evidence of one colleague. */
export function connectionStrength(evidence: IntroducerEvidence, now: Date): number {
  const volume =
    evidence.meetings * CHANNEL_WEIGHTS.meeting + evidence.calls * CHANNEL_WEIGHTS.call + evidence.emails * CHANNEL_WEIGHTS.email;
  const volumePart = 1 - Math.exp(-volume / VOLUME_SCALE);
  const reciprocityPart = Math.min(1, evidence.replies / FULL_REPLIES);
  const recency = evidence.last === null ? 0 : 0.5 ** (Math.max(0, elapsedDays(evidence.last, now)) / RECENCY_HALF_LIFE_DAYS);
  const raw = (VOLUME_SHARE * volumePart + RECIPROCITY_SHARE * reciprocityPart) * (RECENCY_FLOOR + (1 - RECENCY_FLOOR) * recency);
  return Math.round(100 * raw);
}

export function strengthWord(strength: number): Introducer["strengthWord"] {
  if (strength >= STRONG_FROM) return "strong";
  return strength >= GOOD_FROM ? "good" : "weak";
}

function collectEvidence(rows: IntroducerRow[]): Map<string, IntroducerEvidence> {
  const byUser = new Map<string, IntroducerEvidence>();
  for (const row of rows) {
    const userId = normalizeGuid(row.userId);
    const channel = CHANNEL_OF[row.kind];
    if (userId === null || channel === null || row.count <= 0) continue;
    const evidence = byUser.get(userId) ?? { meetings: 0, calls: 0, emails: 0, replies: 0, last: null };
    if (channel === "meeting") evidence.meetings += row.count;
    if (channel === "call") evidence.calls += row.count;
    if (channel === "email") evidence.emails += row.count;
    if (row.customerReplied) evidence.replies += row.count;
    if (row.last !== null && (evidence.last === null || row.last.getTime() > evidence.last.getTime())) evidence.last = row.last;
    byUser.set(userId, evidence);
  }
  return byUser;
}

function reasonFor(evidence: IntroducerEvidence, now: Date): MessageRef {
  const params = { meetings: evidence.meetings, calls: evidence.calls, emails: evidence.emails, replies: evidence.replies };
  if (evidence.last === null) return { key: "introducer.reasonUndated", params };
  return { key: "introducer.reason", params: { ...params, lastDays: Math.max(0, Math.floor(elapsedDays(evidence.last, now))) } };
}

/** Strongest first; ties go to the more recent contact, then to the user id, so order never depends on input order. */
function compareIntroducers(a: Introducer, b: Introducer): number {
  if (a.strength !== b.strength) return b.strength - a.strength;
  const lastA = a.evidence.last?.getTime() ?? -Infinity;
  const lastB = b.evidence.last?.getTime() ?? -Infinity;
  if (lastA !== lastB) return lastB > lastA ? 1 : -1;
  return a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}

/**
 * The colleagues best placed to introduce the current user, and the current user's own connection
 * apart. Excluded (opted-out or not permitted) users are dropped; so are users without a colleague
 * record, whom the widget could not name.
 */
export function rankIntroducers(
  rows: IntroducerRow[],
  colleagues: Colleague[],
  options: RankOptions,
): { introducers: Introducer[]; you: Introducer | null } {
  const currentUserId = normalizeGuid(options.currentUserId);
  const excluded = new Set(options.excludedUserIds.map(normalizeGuid));
  const colleagueById = new Map(colleagues.flatMap((c) => {
    const id = normalizeGuid(c.id);
    return id === null ? [] : [[id, c] as const];
  }));

  const ranked: Introducer[] = [];
  for (const [userId, evidence] of collectEvidence(rows)) {
    const colleague = colleagueById.get(userId);
    if (excluded.has(userId) || colleague === undefined) continue;
    const strength = connectionStrength(evidence, options.now);
    ranked.push({
      userId,
      fullName: colleague.fullName,
      title: colleague.title,
      email: colleague.email,
      strength,
      strengthWord: strengthWord(strength),
      isCurrentUser: userId === currentUserId,
      evidence,
      reason: reasonFor(evidence, options.now),
    });
  }
  ranked.sort(compareIntroducers);
  return {
    introducers: ranked.filter((i) => !i.isCurrentUser).slice(0, Math.max(0, options.count)),
    you: ranked.find((i) => i.isCurrentUser) ?? null,
  };
}
