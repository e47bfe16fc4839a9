import { ActivityKind, Direction, HeldMeeting, InteractionBucket, InteractionData, RecordRef } from "../../shared/model";
import { DAY_MS, addDays, dayKey, type UtcOffsetAt } from "../../shared/analytics/time";

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

/** A meeting held `ago` days before TODAY, as the data layer reads it. */
export function heldMeeting(id: string, ago: number, minutes: number, ourAttendees: number): HeldMeeting {
  return { id, end: daysAgo(ago), day: addDays(TODAY, -ago), minutes, ourAttendees };
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

/**
 * A real zone's offset, read from the platform's time-zone database ("GMT+03:00"), so daylight-saving
 * tests do not depend on the code under test or on the machine's own zone.
 */
export function zoneOffset(timeZone: string): UtcOffsetAt {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
  return (at) => {
    const name = format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "";
    const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
    if (!match) throw new RangeError(`Unexpected zone name: ${name}`);
    if (match[1] === undefined) return 0;
    return (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  };
}

/** Bucharest: UTC+3 in summer, UTC+2 from 2026-10-25 04:00 local (01:00 UTC), a 25-hour day. */
export const BUCHAREST = zoneOffset("Europe/Bucharest");
