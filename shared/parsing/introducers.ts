import type { IntroducerRow as EvidenceRow } from "../analytics/introducers";
import type { Colleague } from "../model";
import { INTRODUCER_ALIASES } from "../queries/introducers";
import { PARTICIPATION } from "../queries/scope";
import { parseRows, type Parsed } from "./rows";

/** What one colleague shares with the customer, for one kind and one customer role, and who they are. */
export interface IntroducerRow extends EvidenceRow {
  colleague: Colleague;
}

/** Rows of introducersQuery. A colleague has several rows (per kind and customer role). */
export function parseIntroducers(entities: readonly unknown[]): Parsed<IntroducerRow> {
  const a = INTRODUCER_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const role = row.number(a.customerRole);
    // Meetings held but never marked complete have no actualend: the later of the two dates them.
    const ended = row.optionalDate(a.last);
    const scheduled = kind === "appointment" ? row.optionalDate(a.lastScheduled) : null;
    const last = ended && scheduled ? (scheduled > ended ? scheduled : ended) : (ended ?? scheduled ?? row.date(a.last));
    const userId = row.guid(a.userId);
    return {
      userId,
      colleague: {
        id: userId,
        fullName: row.string(a.fullName),
        title: row.optionalString(a.title),
        email: row.optionalString(a.email),
      },
      kind,
      // A customer who wrote or called is answering; one who sat in a meeting met back.
      customerReplied: role === PARTICIPATION.from || (kind === "appointment" && (role === PARTICIPATION.required || role === PARTICIPATION.optional)),
      count: row.nonNegativeInteger(a.activities),
      last,
    };
  });
}
