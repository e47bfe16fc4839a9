import { invalidInput } from "../errors";
import type { ActivityKind, MailboxScope, RecordRef, RecordType } from "../model";
import { attribute, condition, conditionIn, filter, link, type ConditionValue } from "./fetchXml";
import type { XmlElement } from "./xml";
import { assertGuids, assertRecord, assertWindow } from "./validate";

/**
 * Which activities reach a record, and which of them may be used. Shared by every activity query
 * so that analytics, the health score and who knows whom count the same things.
 */

export type { MailboxScope };

export interface QueryScope {
  mailbox: MailboxScope;
  /** People who also stand for the record as parties, e.g. an account's contacts (see accountContactIdsQuery). */
  relatedPartyIds?: readonly string[];
}

/** activityparty.participationtypemask values. */
export const PARTICIPATION = { from: 1, to: 2, cc: 3, bcc: 4, required: 5, optional: 6, organizer: 7, regarding: 8, owner: 9 } as const;

/** activityparty.partyobjecttypecode values. */
export const PARTY_TYPE: Record<RecordType | "systemuser", number> = { account: 1, contact: 2, opportunity: 3, lead: 4, systemuser: 8 };

export const ACTIVITY_STATE = { open: 0, completed: 1, canceled: 2, scheduled: 3 } as const;

/** Emails by From/To/Cc, appointments by required/optional attendees, calls by From/To. */
export const LINKING_PARTICIPATIONS: readonly number[] = [
  PARTICIPATION.from,
  PARTICIPATION.to,
  PARTICIPATION.cc,
  PARTICIPATION.required,
  PARTICIPATION.optional,
];

export const COUNTED_KINDS: readonly ActivityKind[] = ["email", "appointment", "phonecall", "task"];

/** Alias of the outer link to the record's own party rows. */
export const RECORD_PARTY = "recordparty";
export const EMAIL_LINK = "em";
export const CALL_LINK = "pc";

export interface CheckedScope {
  mailbox: "all" | "none" | { ownerIds: string[] };
  partyIds: string[];
}

/** Validates record and scope together: the record's id plus related ids, normalized and de-duplicated. */
export function checkScope(record: RecordRef, scope: unknown): CheckedScope {
  if (typeof scope !== "object" || scope === null) throw invalidInput("query scope");
  const { mailbox, relatedPartyIds } = scope as Partial<QueryScope>;
  const related = relatedPartyIds === undefined || (Array.isArray(relatedPartyIds) && relatedPartyIds.length === 0)
    ? []
    : assertGuids(relatedPartyIds, "related party ids");
  return { mailbox: checkMailbox(mailbox), partyIds: [...new Set([record.id, ...related])] };
}

function checkMailbox(mailbox: unknown): CheckedScope["mailbox"] {
  if (mailbox === "all" || mailbox === "none") return mailbox;
  if (typeof mailbox !== "object" || mailbox === null) throw invalidInput("mailbox scope");
  const { ownerIds } = mailbox as { ownerIds?: unknown };
  if (!Array.isArray(ownerIds)) throw invalidInput("mailbox scope");
  // No owner holds a selected role: the same as no mailbox data at all.
  return ownerIds.length === 0 ? "none" : { ownerIds: assertGuids(ownerIds, "mailbox owner ids") };
}

/** Record and scope, validated up front so nothing is built from a bad value. */
export function checkRecordInputs(record: unknown, scope: unknown): { record: RecordRef; scope: CheckedScope } {
  const checkedRecord = assertRecord(record);
  return { record: checkedRecord, scope: checkScope(checkedRecord, scope) };
}

/** Record, window and scope of a windowed activity query. */
export function checkActivityInputs(record: unknown, window: unknown, scope: unknown) {
  return { ...checkRecordInputs(record, scope), window: assertWindow(window) };
}

/** eq for one id, in for several: the simplest condition that says "is one of these". */
export function equalsOneOf(column: "partyid" | "ownerid", ids: readonly ConditionValue[], entityname?: string): XmlElement {
  return ids.length === 1 ? condition(column, "eq", ids[0], { entityname }) : conditionIn(column, ids, "in", { entityname });
}

/** Outer link to the party rows in which the record (or a related person) takes part. */
export function recordPartyLink(scope: CheckedScope): XmlElement {
  return link(
    { name: "activityparty", from: "activityid", to: "activityid", alias: RECORD_PARTY, type: "outer" },
    filter("and", equalsOneOf("partyid", scope.partyIds), conditionIn("participationtypemask", LINKING_PARTICIPATIONS)),
  );
}

/**
 * The Dataverse-tier test for an activity that reaches the record through a party: created in
 * Dynamics 365 (no exchangeitemid), or synced from a mailbox whose data may be used. Null = no limit.
 */
export function mailboxAllowance(scope: CheckedScope): XmlElement[] | null {
  if (scope.mailbox === "all") return null;
  const notSynced = condition("exchangeitemid", "null");
  if (scope.mailbox === "none") return [notSynced];
  return [notSynced, equalsOneOf("ownerid", scope.mailbox.ownerIds)];
}

/**
 * Root-filter part saying "this activity reaches the record": its Regarding is the record
 * (always counts), or the record is a party and the mailbox rules allow the activity.
 * Needs recordPartyLink in the same entity.
 */
export function reachesRecord(record: RecordRef, scope: CheckedScope): XmlElement {
  const isParty = condition("activitypartyid", "not-null", undefined, { entityname: RECORD_PARTY });
  const allowance = mailboxAllowance(scope);
  const throughParty = allowance ? filter("and", isParty, filter("or", ...allowance)) : isParty;
  return filter("or", condition("regardingobjectid", "eq", record.id), throughParty);
}

/** Completed activities of the kinds we count, ended inside [from, to). */
export function completedInWindow(window: { from: string; to: string }, kinds: readonly ActivityKind[] = COUNTED_KINDS): XmlElement[] {
  return [
    condition("statecode", "eq", ACTIVITY_STATE.completed),
    kinds.length === 1 ? condition("activitytypecode", "eq", kinds[0]) : conditionIn("activitytypecode", kinds),
    condition("actualend", "ge", window.from),
    condition("actualend", "lt", window.to),
  ];
}

/**
 * Outer links that bring the direction of emails and phone calls (other kinds get nulls).
 * With aliases the direction is grouped by (aggregates); without, it comes back as "em.directioncode".
 */
export function directionLinks(groupAliases?: { email: string; call: string }): XmlElement[] {
  const direction = (alias?: string) => attribute("directioncode", alias ? { alias, groupby: true } : {});
  return [
    link({ name: "email", from: "activityid", to: "activityid", alias: EMAIL_LINK, type: "outer" }, direction(groupAliases?.email)),
    link({ name: "phonecall", from: "activityid", to: "activityid", alias: CALL_LINK, type: "outer" }, direction(groupAliases?.call)),
  ];
}
