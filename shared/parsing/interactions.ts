import type { HeldMeeting, InteractionBucket } from "../model";
import { DAY_GROUP } from "../queries/dayGroups";
import { BREADTH_ALIASES, INTERACTION_ALIASES, MEETING_ALIASES } from "../queries/interactions";
import { directionOf } from "./direction";
import { parseRows, type Parsed, type RowReader } from "./rows";

function day(row: RowReader): string {
  return row.dayKey(DAY_GROUP.year, DAY_GROUP.month, DAY_GROUP.day);
}

function minutes(row: RowReader, key: string): number | null {
  const value = row.optionalNumber(key);
  return value !== null && value < 0 ? row.reject(key) : value;
}

/** Rows of interactionsQuery: one bucket per kind, direction and day. */
export function parseInteractions(entities: readonly unknown[]): Parsed<InteractionBucket> {
  const a = INTERACTION_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    if (kind === "appointment") row.reject(a.kind);
    const directionKey = kind === "email" ? a.emailDirection : a.callDirection;
    const directioncode = kind === "email" || kind === "phonecall" ? row.optionalBoolean(directionKey) : null;
    return {
      kind,
      direction: directionOf(kind, directioncode),
      day: day(row),
      count: row.nonNegativeInteger(a.count),
      durationMinutes: minutes(row, a.minutes) ?? 0,
    };
  });
}

/** Rows of meetingsQuery: one per held appointment. */
export function parseMeetings(entities: readonly unknown[]): Parsed<HeldMeeting> {
  const a = MEETING_ALIASES;
  return parseRows(entities, (row) => {
    return {
      id: row.guid(a.meeting),
      end: row.date(a.end),
      day: day(row),
      minutes: minutes(row, a.actualMinutes) ?? minutes(row, a.scheduledMinutes) ?? 0,
      ourAttendees: row.optionalNumber(a.ourAttendees) === null ? 0 : row.nonNegativeInteger(a.ourAttendees),
    };
  });
}

/** A person who took part, with the first and last time they did (per kind; merge per person). */
export interface BreadthRow {
  side: "ours" | "theirs";
  personId: string;
  first: Date;
  last: Date;
}

/** One person's row (breadthQuery, or the health list's grouped breadth, which names its columns alike). */
export function readBreadthRow(row: RowReader): BreadthRow {
  const a = BREADTH_ALIASES;
  const meeting = row.activityKind(a.kind) === "appointment";
  const first = row.date(meeting ? a.firstScheduledEnd : a.firstEnd);
  const last = row.date(meeting ? a.lastScheduledEnd : a.lastEnd);
  if (last < first) row.reject(a.lastEnd);
  return { side: row.partySide(a.partyType), personId: row.guid(a.person), first, last };
}

/** Rows of breadthQuery: meetings are dated by their scheduled end, everything else by actualend. */
export function parseBreadth(entities: readonly unknown[]): Parsed<BreadthRow> {
  return parseRows(entities, readBreadthRow);
}
