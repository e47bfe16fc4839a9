import type { InteractionBucket, MeetingAttendance } from "../model";
import { DAY_GROUP } from "../queries/dayGroups";
import { BREADTH_ALIASES, INTERACTION_ALIASES, MEETING_ALIASES } from "../queries/interactions";
import { directionOf } from "./direction";
import { parseRows, type Parsed, type RowReader } from "./rows";

function day(row: RowReader): string {
  return row.dayKey(DAY_GROUP.year, DAY_GROUP.month, DAY_GROUP.day);
}

function nonNegative(row: RowReader, key: string, value: number): number {
  return value < 0 ? row.reject(key) : value;
}

/** Rows of interactionsQuery: one bucket per kind, direction and day. */
export function parseInteractions(entities: readonly unknown[]): Parsed<InteractionBucket> {
  const a = INTERACTION_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const directionKey = kind === "email" ? a.emailDirection : a.callDirection;
    const directioncode = kind === "email" || kind === "phonecall" ? row.optionalBoolean(directionKey) : null;
    return {
      kind,
      direction: directionOf(kind, directioncode),
      day: day(row),
      count: row.nonNegativeInteger(a.count),
      durationMinutes: nonNegative(row, a.minutes, row.numberOrZero(a.minutes)),
    };
  });
}

/**
 * Rows of meetingAttendanceQuery (one per appointment and side) folded into days: each
 * appointment's duration times its distinct attendees on that side.
 */
export function parseMeetingAttendance(entities: readonly unknown[]): Parsed<MeetingAttendance> {
  const a = MEETING_ALIASES;
  const rows = parseRows(entities, (row) => {
    row.guid(a.meeting);
    const minutes = nonNegative(row, a.minutes, row.numberOrZero(a.minutes));
    return {
      day: day(row),
      ours: row.partySide(a.partyType) === "ours",
      attendeeMinutes: minutes * row.nonNegativeInteger(a.attendees),
    };
  });
  const byDay = new Map<string, MeetingAttendance>();
  for (const { day: key, ours, attendeeMinutes } of rows.items) {
    const entry = byDay.get(key) ?? { day: key, ourAttendeeMinutes: 0, theirAttendeeMinutes: 0 };
    if (ours) entry.ourAttendeeMinutes += attendeeMinutes;
    else entry.theirAttendeeMinutes += attendeeMinutes;
    byDay.set(key, entry);
  }
  const items = [...byDay.values()].sort((x, y) => (x.day < y.day ? -1 : x.day > y.day ? 1 : 0));
  return { items, skipped: rows.skipped };
}

/** Distinct people who took part, per side (users are ours; contacts and leads theirs). */
export interface BreadthRow {
  side: "ours" | "theirs";
  personId: string;
}

/** Rows of breadthQuery: one per person who took part. */
export function parseBreadth(entities: readonly unknown[]): Parsed<BreadthRow> {
  const a = BREADTH_ALIASES;
  return parseRows(entities, (row) => ({
    side: row.partySide(a.partyType),
    personId: row.guid(a.person),
  }));
}

