import type { ActivityKind, Direction } from "../model";
import { DAY_GROUP } from "../queries/dayGroups";
import { PAGE_ALIASES, PAGE_KEYS } from "../queries/page";
import { directionOf } from "./direction";
import { readBreadthRow, type BreadthRow } from "./interactions";
import { parseRows, type Parsed, type RowReader } from "./rows";

/** Which record a grouped row belongs to: its Regarding, and the parties it was grouped by (null when not grouped). */
export interface PageKeys {
  regarding: string | null;
  their: string | null;
  our: string | null;
}

export interface PageInteractionRow extends PageKeys {
  kind: ActivityKind;
  direction: Direction;
  day: string;
  count: number;
  /** Meetings only: the latest scheduled end in the group. */
  lastMeetingEnd: Date | null;
}

export interface PageLatestRow extends PageKeys {
  kind: ActivityKind;
  direction: Direction;
  /** Completed groups: the latest actualend. */
  lastEnd: Date | null;
  /** Open and scheduled groups: the earliest scheduledstart. */
  nextStart: Date | null;
}

export type PageBreadthRow = PageKeys & BreadthRow;

const COMPLETED = 1;

function keys(row: RowReader): PageKeys {
  return { regarding: row.optionalGuid(PAGE_KEYS.regarding), their: row.optionalGuid(PAGE_KEYS.their), our: row.optionalGuid(PAGE_KEYS.our) };
}

function direction(row: RowReader, kind: ActivityKind): Direction {
  const a = PAGE_ALIASES;
  if (kind !== "email" && kind !== "phonecall") return directionOf(kind, null);
  return directionOf(kind, row.optionalBoolean(kind === "email" ? a.emailDirection : a.callDirection));
}

/** Rows of pageInteractionsQuery; meetings are dated by the day of their scheduled end. */
export function parsePageInteractions(entities: readonly unknown[]): Parsed<PageInteractionRow> {
  const a = PAGE_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const meeting = kind === "appointment";
    return {
      ...keys(row),
      kind,
      direction: direction(row, kind),
      day: meeting ? row.dayKey(a.meetingYear, a.meetingMonth, a.meetingDay) : row.dayKey(DAY_GROUP.year, DAY_GROUP.month, DAY_GROUP.day),
      count: row.nonNegativeInteger(a.count),
      lastMeetingEnd: meeting ? row.date(a.lastMeetingEnd) : null,
    };
  });
}

/** Rows of pageLatestQuery: a completed group must carry its latest end, a planned one its next start. */
export function parsePageLatest(entities: readonly unknown[]): Parsed<PageLatestRow> {
  const a = PAGE_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const completed = row.number(a.state) === COMPLETED;
    return {
      ...keys(row),
      kind,
      direction: direction(row, kind),
      lastEnd: completed ? row.date(a.lastEnd) : null,
      nextStart: completed ? null : row.date(a.nextStart),
    };
  });
}

/** Rows of pageBreadthQuery. */
export function parsePageBreadth(entities: readonly unknown[]): Parsed<PageBreadthRow> {
  return parseRows(entities, (row) => ({ ...keys(row), ...readBreadthRow(row) }));
}
