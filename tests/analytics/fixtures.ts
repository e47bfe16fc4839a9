import { ActivityKind, Direction, InteractionBucket, InteractionData, RecordRef } from "../../shared/model";
import { DAY_MS, addDays, dayKey } from "../../shared/analytics/time";

export const NOW = new Date("2025-03-12T15:00:00Z"); // a Wednesday
export const TODAY = dayKey(NOW);
export const CONTACT: RecordRef = { type: "contact", id: "11111111-1111-4111-8111-111111111111" };

export function daysAgo(days: number, now = NOW): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** A bucket `ago` days before TODAY. */
export function bucket(kind: ActivityKind, direction: Direction, ago: number, count = 1, durationMinutes = 0): InteractionBucket {
  return { kind, direction, day: addDays(TODAY, -ago), count, durationMinutes };
}

export function interactions(buckets: InteractionBucket[], overrides: Partial<InteractionData> = {}): InteractionData {
  return {
    record: CONTACT,
    window: { from: daysAgo(60), to: NOW },
    buckets,
    meetings: [],
    ourPeople: 1,
    theirPeople: 1,
    last: null,
    next: null,
    threads: [],
    skippedRows: 0,
    ...overrides,
  };
}

/** The window just before the default one, with the given buckets (days counted back from its end). */
export function previousInteractions(buckets: InteractionBucket[], overrides: Partial<InteractionData> = {}): InteractionData {
  return interactions(
    buckets.map((b) => ({ ...b, day: addDays(b.day, -60) })),
    { window: { from: daysAgo(120), to: daysAgo(60) }, ...overrides },
  );
}
