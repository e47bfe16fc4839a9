import { invalidInput } from "../errors";
import type { ActivityKind, MailboxScope, RecordPeople, RecordRef, RecordType } from "../model";
import { attribute, condition, conditionIn, filter, link, type ConditionValue } from "./fetchXml";
import type { XmlElement } from "./xml";
import { assertGuids, assertRecord, assertWindow, MAX_IDS_PER_QUERY } from "./validate";

/**
 * Which activities reach a record, and which of them may be used. Shared by every activity query so
 * that analytics, the health score and who knows whom count the same things. Parties and roles are
 * tested with `link-type="any"` inside the filter: a test, never a join, so no activity is counted
 * twice however many of its parties match.
 */

export type { MailboxScope, RecordPeople };

export interface QueryScope {
  mailbox: MailboxScope;
  /** Who stands for the record besides itself (domain.md, "People counted"); none when absent. */
  people?: RecordPeople;
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

/** Kinds that count when completed, dated by actualend. Meetings count when held (heldMeetings). */
export const COMPLETED_KINDS: readonly ActivityKind[] = ["email", "phonecall", "task"];
export const COUNTED_KINDS: readonly ActivityKind[] = ["email", "appointment", "phonecall", "task"];

export const EMAIL_LINK = "em";
export const CALL_LINK = "pc";

export interface CheckedPeople {
  theirIds: string[];
  ourIds: string[] | null;
}

export interface CheckedScope {
  mailbox: "all" | "none" | { roleIds: string[]; excludedOwnerIds: string[] };
  people: CheckedPeople;
}

const optionalIds = (ids: unknown, what: string): string[] =>
  ids === undefined || (Array.isArray(ids) && ids.length === 0) ? [] : assertGuids(ids, what);

/** Validates record and scope together: every id normalized and de-duplicated before any XML is built. */
export function checkScope(record: RecordRef, scope: unknown): CheckedScope {
  if (typeof scope !== "object" || scope === null) throw invalidInput("query scope");
  const { mailbox, people } = scope as Partial<QueryScope>;
  return { mailbox: checkMailbox(mailbox), people: checkPeople(record, people) };
}

function checkPeople(record: RecordRef, people: unknown): CheckedPeople {
  if (people === undefined) return { theirIds: [record.id], ourIds: null };
  if (typeof people !== "object" || people === null) throw invalidInput("record people");
  const { theirIds, ourIds } = people as Partial<RecordPeople>;
  const their = [...new Set([record.id, ...optionalIds(theirIds, "their people")])];
  if (their.length > MAX_IDS_PER_QUERY) throw invalidInput("their people");
  if (ourIds === null || ourIds === undefined) return { theirIds: their, ourIds: null };
  return { theirIds: their, ourIds: Array.isArray(ourIds) && ourIds.length === 0 ? [] : assertGuids(ourIds, "our people") };
}

export function checkMailbox(mailbox: unknown): CheckedScope["mailbox"] {
  if (mailbox === "all" || mailbox === "none") return mailbox;
  if (typeof mailbox !== "object" || mailbox === null) throw invalidInput("mailbox scope");
  const { roleIds, excludedOwnerIds } = mailbox as { roleIds?: unknown; excludedOwnerIds?: unknown };
  if (!Array.isArray(roleIds)) throw invalidInput("mailbox scope");
  // No role selected: nobody's mailbox may be used.
  if (roleIds.length === 0) return "none";
  return { roleIds: assertGuids(roleIds, "mailbox role ids"), excludedOwnerIds: optionalIds(excludedOwnerIds, "opted-out users") };
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
export function equalsOneOf(column: "partyid" | "ownerid" | "activityid", ids: readonly ConditionValue[], entityname?: string): XmlElement {
  return ids.length === 1 ? condition(column, "eq", ids[0], { entityname }) : conditionIn(column, ids, "in", { entityname });
}

/** "Some party of this activity …": a test on the activity's parties that never multiplies rows. */
function anyParty(...children: XmlElement[]): XmlElement {
  return link({ name: "activityparty", from: "activityid", to: "activityid", type: "any" }, ...children);
}

/**
 * Their side takes part: the record or a person standing for it is From/To/Cc or an attendee. An
 * account also stands for every contact whose company it is, tested through the contact itself, so
 * accounts with thousands of contacts need no id list.
 */
function theirPartyTest(record: RecordRef, people: CheckedPeople): XmlElement {
  const roles = conditionIn("participationtypemask", LINKING_PARTICIPATIONS);
  const named = anyParty(filter("and", roles, equalsOneOf("partyid", people.theirIds)));
  if (record.type !== "account") return named;
  const accountContact = anyParty(
    filter("and", roles),
    link({ name: "contact", from: "contactid", to: "partyid", type: "inner" }, filter("and", condition("parentcustomerid", "eq", record.id))),
  );
  return filter("or", named, accountContact);
}

/** Roles held by the activity's owner: directly, through a team the owner is in, or by the owning team. */
function ownerHoldsRole(roleIds: string[]): XmlElement {
  const selectedRole = () =>
    link({ name: "role", from: "roleid", to: "roleid", type: "inner" }, filter("and", conditionIn("parentrootroleid", roleIds)));
  return filter(
    "or",
    link({ name: "systemuserroles", from: "systemuserid", to: "ownerid", type: "any" }, selectedRole()),
    link(
      { name: "teammembership", from: "systemuserid", to: "ownerid", type: "any" },
      link({ name: "teamroles", from: "teamid", to: "teamid", type: "inner" }, selectedRole()),
    ),
    link({ name: "teamroles", from: "teamid", to: "ownerid", type: "any" }, selectedRole()),
  );
}

/**
 * The Dataverse-tier test for an activity that reaches the record through a party: created in
 * Dynamics 365 (no exchangeitemid), or synced from a mailbox whose owner holds a selected role and has
 * not opted out. Null = no limit.
 */
export function mailboxAllowance(scope: CheckedScope): XmlElement | null {
  if (scope.mailbox === "all") return null;
  const notSynced = condition("exchangeitemid", "null");
  if (scope.mailbox === "none") return notSynced;
  const { roleIds, excludedOwnerIds } = scope.mailbox;
  const allowedOwner =
    excludedOwnerIds.length === 0
      ? ownerHoldsRole(roleIds)
      : filter("and", conditionIn("ownerid", excludedOwnerIds, "not-in"), ownerHoldsRole(roleIds));
  return filter("or", notSynced, allowedOwner);
}

/**
 * Root-filter part saying "this activity reaches the record": its Regarding is the record (always
 * counts), or their side takes part, our side (when it is not everyone) takes part, and the mailbox
 * rules allow the activity.
 */
export function reachesRecord(record: RecordRef, scope: CheckedScope): XmlElement {
  const regarding = condition("regardingobjectid", "eq", record.id);
  const ours = scope.people.ourIds;
  // Nobody is known on our side (e.g. the owner could not be read): only Regarding can count.
  if (ours !== null && ours.length === 0) return filter("or", regarding);
  const ourTest = ours === null ? [] : [anyParty(filter("and", equalsOneOf("partyid", ours)))];
  const allowance = mailboxAllowance(scope);
  const throughParties = filter("and", theirPartyTest(record, scope.people), ...ourTest, ...(allowance ? [allowance] : []));
  return filter("or", regarding, throughParties);
}

/** Completed emails, calls and tasks (or the given kinds) ended inside [from, to). */
export function completedInWindow(window: { from: string; to: string }, kinds: readonly ActivityKind[] = COMPLETED_KINDS): XmlElement {
  return filter(
    "and",
    condition("statecode", "eq", ACTIVITY_STATE.completed),
    kinds.length === 1 ? condition("activitytypecode", "eq", kinds[0]) : conditionIn("activitytypecode", kinds),
    condition("actualend", "ge", window.from),
    condition("actualend", "lt", window.to),
  );
}

/**
 * Meetings held inside [from, to): appointments not canceled whose scheduled end has passed, whatever
 * their state (appointments synced from Exchange stay Open or Scheduled). A recurring series counts
 * through its occurrences, which are appointments; its master (recurringappointmentmaster) never does.
 * `to` is never later than now, so "has passed" is part of the window.
 */
export function heldMeetingsInWindow(window: { from: string; to: string }): XmlElement {
  return filter(
    "and",
    condition("activitytypecode", "eq", "appointment"),
    condition("statecode", "ne", ACTIVITY_STATE.canceled),
    condition("scheduledend", "ge", window.from),
    condition("scheduledend", "lt", window.to),
  );
}

/** Every interaction the analytics count in the window: completed emails, calls and tasks, and held meetings. */
export function interactionsInWindow(window: { from: string; to: string }): XmlElement {
  return filter("or", completedInWindow(window), heldMeetingsInWindow(window));
}

/**
 * Outer links that bring the direction of emails and phone calls (other kinds get none).
 * With aliases the direction is grouped by (aggregates); without, it comes back as "em.directioncode".
 */
export function directionLinks(groupAliases?: { email: string; call: string }): XmlElement[] {
  const direction = (alias?: string) => attribute("directioncode", alias ? { alias, groupby: true } : {});
  return [
    link({ name: "email", from: "activityid", to: "activityid", alias: EMAIL_LINK, type: "outer" }, direction(groupAliases?.email)),
    link({ name: "phonecall", from: "activityid", to: "activityid", alias: CALL_LINK, type: "outer" }, direction(groupAliases?.call)),
  ];
}
