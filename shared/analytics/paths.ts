/**
 * Second-degree who knows whom: when nobody on our side knows the record well, a colleague may know one
 * of its coworkers at the same account. A path is as strong as its weaker link: our colleague's
 * strength with the coworker (the first-degree formula), and the coworker's standing at the account
 * (how much and how recently they deal with it). Only metadata is used.
 */
import type { Coworker, Introducer, IntroducerEvidence, IntroductionPath, MessageRef } from "../model";
import { normalizeGuid } from "./ids";
import { rankIntroducers, RECENCY_FLOOR, RECENCY_HALF_LIFE_DAYS, strengthWord, VOLUME_SCALE, CHANNEL_WEIGHTS, type RankOptions } from "./introducers";
import type { IntroducerRow } from "./introducers";
import { elapsedDays } from "./time";

export interface CoworkerLink extends IntroducerRow {
  coworker: Coworker;
  colleague: { id: string; fullName: string; title: string | null; email: string | null };
}

export interface CoworkerActivity {
  coworker: Coworker;
  kind: IntroducerRow["kind"];
  count: number;
  last: Date;
}

export const PATH_MESSAGE_KEY = "path.reason";

/** 0..100: volume of the coworker's dealings with the account (channel-weighted), scaled by recency. */
export function coworkerStanding(activities: CoworkerActivity[], now: Date): number {
  let volume = 0;
  let last: Date | null = null;
  for (const a of activities) {
    const weight = a.kind === "appointment" ? CHANNEL_WEIGHTS.meeting : a.kind === "phonecall" ? CHANNEL_WEIGHTS.call : a.kind === "email" ? CHANNEL_WEIGHTS.email : 0;
    volume += weight * Math.max(0, a.count);
    if (last === null || a.last > last) last = a.last;
  }
  if (last === null || volume === 0) return 0;
  const recency = 0.5 ** (Math.max(0, elapsedDays(last, now)) / RECENCY_HALF_LIFE_DAYS);
  return Math.round(100 * (1 - Math.exp(-volume / VOLUME_SCALE)) * (RECENCY_FLOOR + (1 - RECENCY_FLOOR) * recency));
}

function reasonFor(colleague: Introducer, coworker: Coworker, evidence: IntroducerEvidence, standingActivities: number, now: Date, lastStanding: Date | null): MessageRef {
  return {
    key: PATH_MESSAGE_KEY,
    params: {
      colleague: colleague.fullName,
      coworker: coworker.fullName,
      meetings: evidence.meetings,
      calls: evidence.calls,
      emails: evidence.emails,
      coworkerActivities: standingActivities,
      coworkerLastDays: lastStanding === null ? 0 : Math.max(0, Math.floor(elapsedDays(lastStanding, now))),
    },
  };
}

function comparePaths(a: IntroductionPath, b: IntroductionPath): number {
  if (a.strength !== b.strength) return b.strength - a.strength;
  if (a.colleague.strength !== b.colleague.strength) return b.colleague.strength - a.colleague.strength;
  const key = (p: IntroductionPath) => `${p.colleague.userId}|${p.coworker.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

export interface PathOptions extends RankOptions {
  /** Colleagues already shown as first-degree introducers: their direct link beats any path. */
  firstDegreeIds: readonly string[];
}

/**
 * The strongest path per colleague (at most `count`), and the current user's own apart. Opted-out
 * colleagues are excluded exactly as for first degree.
 */
export function rankPaths(links: CoworkerLink[], standing: CoworkerActivity[], options: PathOptions): { paths: IntroductionPath[]; yourPaths: IntroductionPath[] } {
  const byCoworker = new Map<string, CoworkerActivity[]>();
  for (const activity of standing) {
    const id = normalizeGuid(activity.coworker.id);
    if (id !== null) byCoworker.set(id, [...(byCoworker.get(id) ?? []), activity]);
  }
  const firstDegree = new Set(options.firstDegreeIds.map(normalizeGuid));
  const linksByCoworker = new Map<string, CoworkerLink[]>();
  for (const link of links) {
    const id = normalizeGuid(link.coworker.id);
    if (id !== null) linksByCoworker.set(id, [...(linksByCoworker.get(id) ?? []), link]);
  }

  const best = new Map<string, IntroductionPath>();
  for (const [coworkerId, coworkerLinks] of linksByCoworker) {
    const activities = byCoworker.get(coworkerId) ?? [];
    const standingStrength = coworkerStanding(activities, options.now);
    if (standingStrength === 0) continue;
    const coworker = coworkerLinks[0].coworker;
    const colleagues = [...new Map(coworkerLinks.map((l) => [l.colleague.id, l.colleague])).values()];
    // Every colleague who knows this coworker, ranked with the first-degree formula.
    const ranked = rankIntroducers(coworkerLinks, colleagues, { ...options, count: colleagues.length });
    const lastStanding = activities.reduce<Date | null>((m, a) => (m === null || a.last > m ? a.last : m), null);
    const standingCount = activities.reduce((n, a) => n + a.count, 0);
    for (const colleague of [...ranked.introducers, ...(ranked.you ? [ranked.you] : [])]) {
      if (firstDegree.has(colleague.userId)) continue;
      const strength = Math.min(colleague.strength, standingStrength);
      const path: IntroductionPath = {
        colleague,
        coworker,
        coworkerStanding: standingStrength,
        strength,
        strengthWord: strengthWord(strength),
        reason: reasonFor(colleague, coworker, colleague.evidence, standingCount, options.now, lastStanding),
      };
      const kept = best.get(colleague.userId);
      if (!kept || comparePaths(path, kept) < 0) best.set(colleague.userId, path);
    }
  }
  const all = [...best.values()].sort(comparePaths);
  return {
    paths: all.filter((p) => !p.colleague.isCurrentUser).slice(0, Math.max(0, options.count)),
    yourPaths: all.filter((p) => p.colleague.isCurrentUser),
  };
}
