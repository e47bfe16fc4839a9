import type { ActivityKind, Colleague } from "../model";
import { INTRODUCER_ALIASES } from "../queries/introducers";
import { PARTICIPATION } from "../queries/scope";
import { parseRows, type Parsed } from "./rows";

/** What one colleague shares with the customer, for one kind and one customer role. */
export interface IntroducerRow {
  userId: string;
  kind: ActivityKind;
  /** The customer wrote or called us (From), or attended the meeting: they answered or met back. */
  customerReplied: boolean;
  /** Distinct activities. */
  count: number;
  /** When the latest of them ended. */
  last: Date;
}

/** Rows of introducersQuery. A colleague has several rows (per kind and customer role). */
export function parseIntroducers(entities: readonly unknown[]): Parsed<IntroducerRow> {
  const a = INTRODUCER_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const role = row.number(a.customerRole);
    return {
      userId: row.guid(a.userId),
      kind,
      // A customer who wrote or called is answering; one who sat in a meeting met back.
      customerReplied: role === PARTICIPATION.from || (kind === "appointment" && (role === PARTICIPATION.required || role === PARTICIPATION.optional)),
      count: row.nonNegativeInteger(a.activities),
      last: row.date(a.last),
    };
  });
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
