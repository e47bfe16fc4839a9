import type { IntroducerRow as EvidenceRow } from "../analytics/introducers";
import type { Colleague } from "../model";
import { INTRODUCER_ALIASES } from "../queries/introducers";
import { PARTICIPATION } from "../queries/scope";
import { parseRows, type Parsed, type RowReader } from "./rows";

/** What one colleague shares with the customer, for one kind and one customer role, and who they are. */
export interface IntroducerRow extends EvidenceRow {
  colleague: Colleague;
}

/** The colleague a who-knows-whom row names. */
export function colleagueOf(row: RowReader, a: { userId: string; fullName: string; title: string; email: string }): Colleague {
  return { id: row.guid(a.userId), fullName: row.string(a.fullName), title: row.optionalString(a.title), email: row.optionalString(a.email) };
}

/** When a group's last activity ended; meetings held but never completed have only the scheduled end. */
export function lastAcquaintance(row: RowReader, kind: EvidenceRow["kind"], a: { last: string; lastScheduled: string }): Date {
  const ended = row.optionalDate(a.last);
  const scheduled = kind === "appointment" ? row.optionalDate(a.lastScheduled) : null;
  if (ended && scheduled) return scheduled > ended ? scheduled : ended;
  return ended ?? scheduled ?? row.date(a.last);
}

/** Rows of introducersQuery. A colleague has several rows (per kind and customer role). */
export function parseIntroducers(entities: readonly unknown[]): Parsed<IntroducerRow> {
  const a = INTRODUCER_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const role = row.number(a.customerRole);
    const colleague = colleagueOf(row, a);
    return {
      userId: colleague.id,
      colleague,
      kind,
      // A customer who wrote or called is answering; one who sat in a meeting met back.
      customerReplied: role === PARTICIPATION.from || (kind === "appointment" && (role === PARTICIPATION.required || role === PARTICIPATION.optional)),
      count: row.nonNegativeInteger(a.activities),
      last: lastAcquaintance(row, kind, a),
    };
  });
}
