import { invalidInput } from "../errors";
import type { DateWindow, RecordRef } from "../model";
import { activityAggregate, attribute, condition, conditionIn, filter, link } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { acquaintanceInWindow, acquaintanceTotals, colleagueParty } from "./introducers";
import { checkActivityInputs, LINKING_PARTICIPATIONS, mailboxAllowance, PARTY_TYPE, type QueryScope } from "./scope";
import { assertGuid } from "./validate";

/**
 * Second-degree who knows whom: paths colleague → coworker at the record's account → record. Both
 * queries are aggregates over the account's contacts matched through their company (no id list), so
 * their cost stays flat with the account's size and the record's history.
 */

export const COWORKER_LINK_ALIASES = {
  coworkerId: "coworkerid",
  coworkerName: "coworkername",
  coworkerTitle: "coworkertitle",
  userId: "userid",
  fullName: "fullname",
  title: "title",
  email: "email",
  kind: "kind",
  coworkerRole: "coworkerrole",
  activities: "activities",
  last: "lastend",
  lastScheduled: "lastscheduledend",
} as const;

function checkPathInputs(record: RecordRef, accountId: string, window: DateWindow, scope: QueryScope) {
  const checked = checkActivityInputs(record, window, scope);
  if (checked.record.type !== "lead" && checked.record.type !== "contact") throw invalidInput("record type for who knows whom");
  return { ...checked, accountId: assertGuid(accountId, "account id") };
}

/** A contact of the account other than the record, taking part as From/To/Cc or attendee. */
function coworkerParty(alias: string, record: RecordRef, accountId: string, ...columns: ReturnType<typeof attribute>[]) {
  return link(
    { name: "activityparty", from: "activityid", to: "activityid", alias, type: "inner" },
    ...columns,
    filter(
      "and",
      condition("partyobjecttypecode", "eq", PARTY_TYPE.contact),
      condition("partyid", "ne", record.id),
      conditionIn("participationtypemask", LINKING_PARTICIPATIONS),
    ),
    link(
      { name: "contact", from: "contactid", to: "partyid", alias: `${alias}contact`, type: "inner" },
      attribute("fullname", { alias: COWORKER_LINK_ALIASES.coworkerName, groupby: true }),
      attribute("jobtitle", { alias: COWORKER_LINK_ALIASES.coworkerTitle, groupby: true }),
      filter("and", condition("parentcustomerid", "eq", accountId)),
    ),
  );
}

/**
 * The first link: for each colleague (an enabled user) and coworker, how many emails, calls and meetings
 * they shared per kind and coworker role, and when the last one was, with both names. Mailbox rules
 * apply exactly as to first-degree introducers.
 */
export function coworkerLinksQuery(record: RecordRef, accountId: string, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkPathInputs(record, accountId, window, scope);
  const a = COWORKER_LINK_ALIASES;
  const allowance = mailboxAllowance(checked.scope);
  return activityAggregate(
    ...acquaintanceTotals(a),
    coworkerParty(
      "coworker",
      checked.record,
      checked.accountId,
      attribute("partyid", { alias: a.coworkerId, groupby: true }),
      attribute("participationtypemask", { alias: a.coworkerRole, groupby: true }),
    ),
    colleagueParty(a),
    filter("and", acquaintanceInWindow(checked.window), ...(allowance ? [allowance] : [])),
  );
}

export const COWORKER_STANDING_ALIASES = {
  coworkerId: "coworkerid",
  coworkerName: "coworkername",
  coworkerTitle: "coworkertitle",
  kind: "kind",
  activities: "activities",
  last: "lastend",
  lastScheduled: "lastscheduledend",
} as const;

/**
 * The second link: each coworker's standing at the account, from their emails, calls and meetings that
 * involve it (Regarding the account, or with the record itself taking part), per kind. Mailbox rules
 * apply as everywhere.
 */
export function coworkerStandingQuery(record: RecordRef, accountId: string, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkPathInputs(record, accountId, window, scope);
  const a = COWORKER_STANDING_ALIASES;
  const allowance = mailboxAllowance(checked.scope);
  const involvesAccount = filter(
    "or",
    condition("regardingobjectid", "eq", checked.accountId),
    condition("regardingobjectid", "eq", checked.record.id),
    link(
      { name: "activityparty", from: "activityid", to: "activityid", type: "any" },
      filter("and", condition("partyid", "eq", checked.record.id), conditionIn("participationtypemask", LINKING_PARTICIPATIONS)),
    ),
  );
  return activityAggregate(
    ...acquaintanceTotals(a),
    coworkerParty("standing", checked.record, checked.accountId, attribute("partyid", { alias: a.coworkerId, groupby: true })),
    filter("and", acquaintanceInWindow(checked.window), involvesAccount, ...(allowance ? [allowance] : [])),
  );
}
