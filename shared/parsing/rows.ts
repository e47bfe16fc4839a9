import { ACTIVITY_KINDS, type ActivityKind } from "../model";
import { PARTY_TYPE } from "../queries/scope";
import { isCalendarDay } from "../queries/validate";

const THEIR_PARTY_TYPES: ReadonlyArray<string | number> = (["contact", "lead", "account"] as const).flatMap((table) => [table, PARTY_TYPE[table]]);

/**
 * Reading Web API rows defensively. A row with a missing or ill-typed field is skipped and
 * counted, never thrown and never silently dropped: the count reaches the UI as skippedRows.
 */

export interface Parsed<T> {
  items: T[];
  skipped: number;
}

/** Raised inside a row parser to skip that row; never escapes parseRows. */
class MalformedRow extends Error {}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Typed access to one row; every getter skips the row when its field is not what it must be. */
export class RowReader {
  constructor(private readonly row: Record<string, unknown>) {}

  /**
   * A link-entity column comes back as "<alias>.<column>"; some answers spell the dot as "_x002e_".
   * A null is no property at all in Web API answers; an explicit null is read the same way.
   */
  private value(key: string): unknown {
    const value = this.row[key];
    if (value !== undefined || !key.includes(".")) return value;
    return this.row[key.replace(".", "_x002e_")];
  }

  /** The raw value of a field that must be there, for callers that accept several shapes. */
  present(key: string): unknown {
    const value = this.value(key);
    if (value === undefined || value === null) throw new MalformedRow(key);
    return value;
  }

  private isAbsent(key: string): boolean {
    const value = this.value(key);
    return value === undefined || value === null;
  }

  string(key: string): string {
    const value = this.present(key);
    if (typeof value !== "string") throw new MalformedRow(key);
    return value;
  }

  optionalString(key: string): string | null {
    return this.isAbsent(key) ? null : this.string(key);
  }

  /** A GUID, returned lower-case. */
  guid(key: string): string {
    const value = this.string(key);
    if (!GUID.test(value)) throw new MalformedRow(key);
    return value.toLowerCase();
  }

  optionalGuid(key: string): string | null {
    return this.isAbsent(key) ? null : this.guid(key);
  }

  number(key: string): number {
    const value = this.present(key);
    if (typeof value !== "number" || !Number.isFinite(value)) throw new MalformedRow(key);
    return value;
  }

  /** A number that may be absent, e.g. a sum or max over no values, which Dataverse leaves out. */
  optionalNumber(key: string): number | null {
    return this.isAbsent(key) ? null : this.number(key);
  }

  nonNegativeInteger(key: string): number {
    const value = this.number(key);
    if (!Number.isInteger(value) || value < 0) throw new MalformedRow(key);
    return value;
  }

  optionalBoolean(key: string): boolean | null {
    if (this.isAbsent(key)) return null;
    const value = this.value(key);
    if (typeof value !== "boolean") throw new MalformedRow(key);
    return value;
  }

  date(key: string): Date {
    const value = this.string(key);
    const match = ISO_INSTANT.exec(value);
    if (!match || !isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]))) throw new MalformedRow(key);
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw new MalformedRow(key);
    return date;
  }

  optionalDate(key: string): Date | null {
    return this.isAbsent(key) ? null : this.date(key);
  }

  activityKind(key: string): ActivityKind {
    const value = this.string(key);
    if (!ACTIVITY_KINDS.includes(value as ActivityKind)) throw new MalformedRow(key);
    return value as ActivityKind;
  }

  /**
   * Which side a party is on, from partyobjecttypecode: the Web API returns it as the table's
   * logical name ("systemuser"), some hosts as its number (8). Users are ours; contacts, leads
   * and accounts theirs; anything else (queues, equipment) is not a person of either side.
   */
  partySide(key: string): "ours" | "theirs" {
    const value = this.present(key);
    if (value === "systemuser" || value === PARTY_TYPE.systemuser) return "ours";
    if (THEIR_PARTY_TYPES.includes(value as string | number)) return "theirs";
    throw new MalformedRow(key);
  }

  /** "YYYY-MM-DD" from three dategrouping values (year, month 1-12, day of month). */
  dayKey(yearKey: string, monthKey: string, dayKey: string): string {
    const year = this.number(yearKey);
    const month = this.number(monthKey);
    const day = this.number(dayKey);
    if (!isCalendarDay(year, month, day)) throw new MalformedRow(yearKey);
    return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  }

  /** Skips the row for a reason the getters cannot see (e.g. an impossible combination). */
  reject(reason: string): never {
    throw new MalformedRow(reason);
  }
}

/** Applies a row parser to every row, collecting the good ones and counting the rest. */
export function parseRows<T>(entities: readonly unknown[], parseRow: (row: RowReader) => T): Parsed<T> {
  const items: T[] = [];
  let skipped = 0;
  for (const entity of entities) {
    if (typeof entity !== "object" || entity === null || Array.isArray(entity)) {
      skipped++;
      continue;
    }
    try {
      items.push(parseRow(new RowReader(entity as Record<string, unknown>)));
    } catch (error) {
      // Anything else is a bug in our parser and must surface, not hide as a skipped row.
      if (!(error instanceof MalformedRow)) throw error;
      skipped++;
    }
  }
  return { items, skipped };
}
