/**
 * Dates as the user sees them. Dataverse groups dates (and evaluates the day operators) in the
 * user's time zone; the stand-in's user has an IANA zone (default UTC), read through Intl.
 */

import { DateGrouping } from "./ast";

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Throws a RangeError for a name Intl does not know. */
export function checkTimeZone(timeZone: string): string {
  formatter(timeZone);
  return timeZone;
}

export function localDate(time: number, timeZone: string): LocalDate {
  const parts = formatter(timeZone).formatToParts(new Date(time));
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** Days since 1970-01-01 of a calendar date: comparable day numbers for on/on-or-after/on-or-before. */
export function dayNumber(date: LocalDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

export function dateGroupValue(iso: string, grouping: DateGrouping, timeZone: string): number {
  const date = localDate(Date.parse(iso), timeZone);
  switch (grouping) {
    case "year":
      return date.year;
    case "month":
      return date.month;
    case "day":
      return date.day;
    case "week":
      return isoWeek(new Date(Date.UTC(date.year, date.month - 1, date.day)));
  }
}

/** ISO 8601 week number (1-53): weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeek(date: Date): number {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day - weekday * 86_400_000 + 3 * 86_400_000);
  const firstOfYear = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  return Math.floor((thursday.getTime() - firstOfYear) / (7 * 86_400_000)) + 1;
}
