import { attribute, type Column } from "./fetchXml";
import type { XmlElement } from "./xml";

/** Aliases of the year/month/day groups; parsers rebuild "YYYY-MM-DD" from them. */
export const DAY_GROUP = { year: "groupyear", month: "groupmonth", day: "groupday" } as const;

/**
 * Groups by the calendar day of a date column, in the user's time zone (Dataverse's default for
 * dategrouping), so days match what the user sees; weeks are then built client-side.
 */
export function dayGroupAttributes(column: Column): XmlElement[] {
  return [
    attribute(column, { alias: DAY_GROUP.year, groupby: true, dategrouping: "year" }),
    attribute(column, { alias: DAY_GROUP.month, groupby: true, dategrouping: "month" }),
    attribute(column, { alias: DAY_GROUP.day, groupby: true, dategrouping: "day" }),
  ];
}
