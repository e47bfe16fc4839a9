/** Date grouping as Dataverse reports it, computed in UTC (the stand-in's user time zone). */

import { DateGrouping } from "./ast";

export function dateGroupValue(iso: string, grouping: DateGrouping): number {
  const date = new Date(iso);
  switch (grouping) {
    case "year":
      return date.getUTCFullYear();
    case "month":
      return date.getUTCMonth() + 1;
    case "day":
      return date.getUTCDate();
    case "week":
      return isoWeek(date);
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
