import type { ActivityKind, Colleague } from "../model";
import { INTRODUCER_ALIASES } from "../queries/introducers";
import { PARTICIPATION } from "../queries/scope";
import { parseRows, type Parsed } from "./rows";

/** What one colleague shares with the customer, for one kind and one customer role. */
export interface IntroducerRow {
  userId: string;
  kind: ActivityKind;
  /** The customer was the sender (From): they wrote or called to us. Otherwise addressed or invited. */
  customerReplied: boolean;
  /** Distinct activities. */
  count: number;
  /** When the latest of them ended. */
  last: Date;
}

/** Rows of introducersQuery. A colleague has several rows (per kind and customer role). */
export function parseIntroducers(entities: readonly unknown[]): Parsed<IntroducerRow> {
  const a = INTRODUCER_ALIASES;
  return parseRows(entities, (row) => ({
    userId: row.guid(a.userId),
    kind: row.activityKind(a.kind),
    customerReplied: row.number(a.customerRole) === PARTICIPATION.from,
    count: row.nonNegativeInteger(a.activities),
    last: row.date(a.last),
  }));
}

/** Rows of usersQuery. */
export function parseColleagues(entities: readonly unknown[]): Parsed<Colleague> {
  return parseRows(entities, (row) => ({
    id: row.guid("systemuserid"),
    fullName: row.string("fullname"),
    title: row.optionalString("title"),
    email: row.optionalString("internalemailaddress"),
  }));
}
