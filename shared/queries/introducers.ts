import { invalidInput } from "../errors";
import type { DateWindow, RecordRef } from "../model";
import { activityAggregate, attribute, condition, conditionIn, filter, link } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import type { XmlElement } from "./xml";
import {
  checkActivityInputs,
  completedInWindow,
  equalsOneOf,
  heldMeetingsInWindow,
  LINKING_PARTICIPATIONS,
  mailboxAllowance,
  PARTICIPATION,
  PARTY_TYPE,
  type QueryScope,
} from "./scope";

export const INTRODUCER_ALIASES = {
  userId: "userid",
  fullName: "fullname",
  title: "title",
  email: "email",
  kind: "kind",
  customerRole: "customerrole",
  activities: "activities",
  last: "lastend",
  lastScheduled: "lastscheduledend",
} as const;

/** Emails and calls completed, and meetings held, in the window: what acquaintance is made of. */
export function acquaintanceInWindow(window: { from: string; to: string }): XmlElement {
  return filter("or", completedInWindow(window, ["email", "phonecall"]), heldMeetingsInWindow(window));
}

/** Per group: the kind, distinct activities and the last one's end (a meeting never completed: its scheduled end). */
export function acquaintanceTotals(a: { kind: string; activities: string; last: string; lastScheduled: string }): XmlElement[] {
  return [
    attribute("activitytypecode", { alias: a.kind, groupby: true }),
    attribute("activityid", { alias: a.activities, aggregate: "countcolumn", distinct: true }),
    attribute("actualend", { alias: a.last, aggregate: "max" }),
    attribute("scheduledend", { alias: a.lastScheduled, aggregate: "max" }),
  ];
}

/** Our colleague on the activity (an enabled user, organizer included), grouped with name, title and address. */
export function colleagueParty(a: { userId: string; fullName: string; title: string; email: string }): XmlElement {
  return link(
    { name: "activityparty", from: "activityid", to: "activityid", alias: "colleague", type: "inner" },
    attribute("partyid", { alias: a.userId, groupby: true }),
    filter(
      "and",
      condition("partyobjecttypecode", "eq", PARTY_TYPE.systemuser),
      conditionIn("participationtypemask", [...LINKING_PARTICIPATIONS, PARTICIPATION.organizer]),
    ),
    link(
      { name: "systemuser", from: "systemuserid", to: "partyid", alias: "colleagueuser", type: "inner" },
      attribute("fullname", { alias: a.fullName, groupby: true }),
      attribute("title", { alias: a.title, groupby: true }),
      attribute("internalemailaddress", { alias: a.email, groupby: true }),
      filter("and", condition("isdisabled", "eq", 0)),
    ),
  );
}

/**
 * Who knows whom: for each colleague (an enabled user) who shared emails, meetings or calls
 * with the lead or contact in the window, how many per kind, whether the customer wrote
 * (customer in From) or was addressed/invited, and when the last one ended. The ranking
 * (frequency, recency, reciprocity, channel) is computed client-side from these rows, which carry the
 * colleague's name, title and address too, so no second read is needed for the few shown.
 */
export function introducersQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  if (checked.record.type !== "lead" && checked.record.type !== "contact") throw invalidInput("record type for who knows whom");
  const a = INTRODUCER_ALIASES;
  const allowance = mailboxAllowance(checked.scope);
  // The customer is always a party here, so Regarding matters only to let mailbox data through.
  const mailboxRule = allowance ? [filter("or", condition("regardingobjectid", "eq", checked.record.id), allowance)] : [];
  return activityAggregate(
    ...acquaintanceTotals(a),
    link(
      { name: "activityparty", from: "activityid", to: "activityid", alias: "customer", type: "inner" },
      attribute("participationtypemask", { alias: a.customerRole, groupby: true }),
      filter("and", equalsOneOf("partyid", checked.scope.people.theirIds), conditionIn("participationtypemask", LINKING_PARTICIPATIONS)),
    ),
    colleagueParty(a),
    filter("and", acquaintanceInWindow(checked.window), ...mailboxRule),
  );
}
