/**
 * Compiles <filter>/<condition> trees into predicates over joined rows. Condition values are parsed
 * once, by the column's kind: GUIDs and strings compare case-insensitively (like SQL Server's
 * collation), dates as instants, typecodes accept object type code numbers; the day operators
 * (on, on-or-after, on-or-before) compare calendar days in the user's time zone.
 * Nulls match only null/not-null: `ne` and `not-in` skip them, as SQL comparisons do.
 * Filter link types (any, not any) test whether the filter's own row has matching linked rows.
 */

import { ColumnDef } from "../schema";
import { Row, Value, cell, normalizeGuid, tableForTypeCode } from "../values";
import { ConditionNode, FilterNode, LinkNode, isCondition, isFilterLink } from "./ast";
import { dayNumber, localDate } from "./dates";
import { unsupported } from "./parse";

export type JoinedRow = (Row | null)[];
export type Predicate = (row: JoinedRow) => boolean;

export interface ResolvedColumn {
  ordinal: number;
  name: string;
  column: ColumnDef;
}

/** Finds the joined-row slot and column a condition refers to. */
export type Resolver = (entityName: string | null, attribute: string) => ResolvedColumn;

type Comparable = string | number | boolean;

export interface FilterContext {
  resolve: Resolver;
  timeZone: string;
  /** Slot of the entity the filter belongs to: filter links test its row. */
  anchor: number;
  /** Whether a row has a match in a filter link's table (its from/to, filter and nested links). */
  matches: (link: LinkNode, parent: Row) => boolean;
}

export function compileFilter(filter: FilterNode, context: FilterContext): Predicate {
  const parts = filter.items.map((item): Predicate => {
    if (isCondition(item)) return compileCondition(item, context);
    if (isFilterLink(item)) {
      const wanted = item.linkType === "any";
      return (row) => {
        const parent = row[context.anchor];
        return parent ? context.matches(item, parent) === wanted : !wanted;
      };
    }
    return compileFilter(item, context);
  });
  return filter.type === "and"
    ? (row) => parts.every((part) => part(row))
    : (row) => parts.some((part) => part(row));
}

/** Stored value in comparable form (null stays null). */
export function comparable(column: ColumnDef, value: Value): Comparable | null {
  if (value === null) return null;
  switch (column.kind) {
    case "date":
      return Date.parse(value as string);
    case "int":
    case "number":
    case "option":
    case "bool":
      return value;
    default:
      return String(value).toLowerCase();
  }
}

function conditionValue(column: ColumnDef, text: string): Comparable {
  switch (column.kind) {
    case "date": {
      const time = Date.parse(text);
      if (Number.isNaN(time)) throw unsupported(`'${text}' is not a date`);
      return time;
    }
    case "int":
    case "number":
    case "option": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n)) throw unsupported(`'${text}' is not a number`);
      return n;
    }
    case "bool":
      if (text === "1" || text === "true") return true;
      if (text === "0" || text === "false") return false;
      throw unsupported(`'${text}' is not a boolean`);
    case "typecode":
      return tableForTypeCode(text);
    case "id":
    case "guid":
    case "lookup":
      return normalizeGuid(text);
    case "activitytype":
    case "string":
      return text.toLowerCase();
    case "opaque":
      throw unsupported("conditions on party lists, files or images");
  }
}

/** The calendar day a condition names: a plain date as written, an instant as the user's day. */
function conditionDay(text: string, timeZone: string): number {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (plain) return dayNumber({ year: Number(plain[1]), month: Number(plain[2]), day: Number(plain[3]) });
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw unsupported(`'${text}' is not a date`);
  return dayNumber(localDate(time, timeZone));
}

function compileCondition(condition: ConditionNode, context: FilterContext): Predicate {
  const { ordinal, name, column } = context.resolve(condition.entityName, condition.attribute);
  const read = (row: JoinedRow): Comparable | null => {
    const source = row[ordinal];
    return source ? comparable(column, cell(source, name)) : null;
  };
  const day = ["on", "on-or-after", "on-or-before"].includes(condition.operator);
  const values = day ? [] : condition.values.map((text) => conditionValue(column, text));
  const count = (expected: number): void => {
    if (values.length !== expected) throw unsupported(`operator ${condition.operator} takes ${expected} value(s)`);
  };
  const ordered = (): void => {
    if (column.kind === "bool") throw unsupported(`operator ${condition.operator} on a boolean column`);
  };
  const test = (check: (value: Comparable) => boolean): Predicate => (row) => {
    const value = read(row);
    return value !== null && check(value);
  };

  switch (condition.operator) {
    case "null":
      count(0);
      return (row) => read(row) === null;
    case "not-null":
      count(0);
      return (row) => read(row) !== null;
    case "eq":
      count(1);
      return test((v) => v === values[0]);
    case "ne":
      count(1);
      return test((v) => v !== values[0]);
    case "in":
    case "not-in": {
      if (values.length === 0) throw unsupported(`operator ${condition.operator} without <value>`);
      const set = new Set<Comparable>(values);
      return condition.operator === "in" ? test((v) => set.has(v)) : test((v) => !set.has(v));
    }
    case "lt":
      count(1);
      ordered();
      return test((v) => v < values[0]);
    case "le":
      count(1);
      ordered();
      return test((v) => v <= values[0]);
    case "gt":
      count(1);
      ordered();
      return test((v) => v > values[0]);
    case "ge":
      count(1);
      ordered();
      return test((v) => v >= values[0]);
    case "between":
      count(2);
      ordered();
      return test((v) => v >= values[0] && v <= values[1]);
    case "on":
    case "on-or-after":
    case "on-or-before": {
      if (condition.values.length !== 1) throw unsupported(`operator ${condition.operator} takes 1 value(s)`);
      if (column.kind !== "date") throw unsupported(`operator ${condition.operator} on a non-date column`);
      const wanted = conditionDay(condition.values[0], context.timeZone);
      const dayOf = (v: Comparable): number => dayNumber(localDate(v as number, context.timeZone));
      if (condition.operator === "on") return test((v) => dayOf(v) === wanted);
      return condition.operator === "on-or-after" ? test((v) => dayOf(v) >= wanted) : test((v) => dayOf(v) <= wanted);
    }
    case "like": {
      count(1);
      if (column.kind !== "string") throw unsupported("operator like on a non-text column");
      const pattern = likePattern(values[0] as string);
      return test((v) => pattern.test(v as string));
    }
  }
}

/** SQL LIKE: % any run, _ one character; bracket classes are not supported. */
function likePattern(like: string): RegExp {
  if (like.includes("[")) throw unsupported("[...] in like patterns");
  const source = like
    .split("")
    .map((ch) => (ch === "%" ? ".*" : ch === "_" ? "." : ch.replace(/[.*+?^${}()|\]\\/]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, "is");
}
