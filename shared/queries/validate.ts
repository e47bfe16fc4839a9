import { invalidInput } from "../errors";
import { RECORD_TYPES, type DateWindow, type RecordRef, type RecordType } from "../model";

/**
 * Guards for every value a builder puts into a query. Each refuses with `invalidInput`, whose
 * message names what was wrong but never echoes the value (it may be hostile or personal).
 */

const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** Largest id list a query carries: keeps the GET URL well below Dataverse's length limit. */
export const MAX_IDS_PER_QUERY = 200;

/** Returns the GUID lower-cased without braces; refuses anything else (including unbalanced braces). */
export function assertGuid(value: unknown, what: string): string {
  if (typeof value !== "string") throw invalidInput(what);
  const match = GUID.exec(value);
  if (!match || value.startsWith("{") !== value.endsWith("}")) throw invalidInput(what);
  return match[1].toLowerCase();
}

/** Validates a non-empty list of GUIDs, de-duplicated, at most MAX_IDS_PER_QUERY. */
export function assertGuids(values: unknown, what: string): string[] {
  if (!Array.isArray(values) || values.length === 0 || values.length > MAX_IDS_PER_QUERY) throw invalidInput(what);
  return [...new Set(values.map((value) => assertGuid(value, what)))];
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Accepts a valid Date or an ISO 8601 instant with a time zone; returns it as UTC ISO. */
export function assertIsoDate(value: unknown, what: string): string {
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === "string" && ISO_INSTANT.test(value) && isCalendarDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)))) date = new Date(value);
  else throw invalidInput(what);
  const time = date.getTime();
  // Years beyond 9999 would print as +0YYYYY, which Dataverse cannot read.
  if (Number.isNaN(time) || date.getUTCFullYear() < 1753 || date.getUTCFullYear() > 9999) throw invalidInput(what);
  return date.toISOString();
}

/** Engines roll "2025-02-30" over to March instead of refusing it; parsers of answers share this check. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
  );
}

/** A half-open window [from, to) with from strictly before to, as two UTC ISO strings. */
export function assertWindow(window: unknown): { from: string; to: string } {
  if (typeof window !== "object" || window === null) throw invalidInput("date window");
  const { from, to } = window as Partial<DateWindow>;
  const range = { from: assertIsoDate(from, "window start"), to: assertIsoDate(to, "window end") };
  if (range.from >= range.to) throw invalidInput("date window");
  return range;
}

export function assertPositiveInteger(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) throw invalidInput(what);
  return value;
}

export function assertRecordType(value: unknown): RecordType {
  if (!RECORD_TYPES.includes(value as RecordType)) throw invalidInput("record type");
  return value as RecordType;
}

/** A record reference with a known type and a normalized id. */
export function assertRecord(record: unknown): RecordRef {
  if (typeof record !== "object" || record === null) throw invalidInput("record");
  const { type, id } = record as Partial<RecordRef>;
  return { type: assertRecordType(type), id: assertGuid(id, "record id") };
}

// Dataverse schema names: a publisher prefix, an underscore, then letters, digits or underscores.
const SCHEMA_NAME = /^[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]{1,95}$/;

export function assertSchemaName(value: unknown): string {
  if (typeof value !== "string" || !SCHEMA_NAME.test(value)) throw invalidInput("schema name");
  return value;
}
