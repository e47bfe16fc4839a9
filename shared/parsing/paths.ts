import type { IntroducerRow as EvidenceRow } from "../analytics/introducers";
import type { Colleague, Coworker } from "../model";
import { colleagueOf, lastAcquaintance } from "./introducers";
import { COWORKER_LINK_ALIASES, COWORKER_STANDING_ALIASES } from "../queries/paths";
import { PARTICIPATION } from "../queries/scope";
import { parseRows, type Parsed, type RowReader } from "./rows";

/** What a colleague shares with one coworker, for one kind and coworker role. */
export interface CoworkerLinkRow extends EvidenceRow {
  colleague: Colleague;
  coworker: Coworker;
}

/** What one coworker does that involves the account, for one kind. */
export interface CoworkerStandingRow {
  coworker: Coworker;
  kind: EvidenceRow["kind"];
  count: number;
  last: Date;
}

function coworkerOf(row: RowReader, keys: { coworkerId: string; coworkerName: string; coworkerTitle: string }): Coworker {
  return { id: row.guid(keys.coworkerId), fullName: row.string(keys.coworkerName), title: row.optionalString(keys.coworkerTitle) };
}

/** Rows of coworkerLinksQuery. */
export function parseCoworkerLinks(entities: readonly unknown[]): Parsed<CoworkerLinkRow> {
  const a = COWORKER_LINK_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    const role = row.number(a.coworkerRole);
    const colleague = colleagueOf(row, a);
    return {
      userId: colleague.id,
      colleague,
      coworker: coworkerOf(row, a),
      kind,
      // The coworker wrote or called (From), or sat in the meeting: they answered or met back.
      customerReplied: role === PARTICIPATION.from || (kind === "appointment" && (role === PARTICIPATION.required || role === PARTICIPATION.optional)),
      count: row.nonNegativeInteger(a.activities),
      last: lastAcquaintance(row, kind, a),
    };
  });
}

/** Rows of coworkerStandingQuery. */
export function parseCoworkerStanding(entities: readonly unknown[]): Parsed<CoworkerStandingRow> {
  const a = COWORKER_STANDING_ALIASES;
  return parseRows(entities, (row) => {
    const kind = row.activityKind(a.kind);
    return { coworker: coworkerOf(row, a), kind, count: row.nonNegativeInteger(a.activities), last: lastAcquaintance(row, kind, a) };
  });
}
