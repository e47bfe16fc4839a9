import type { DateWindow, MailboxScope, RecordRef } from "../model";
import { activityAggregate, attribute, condition, conditionIn, filter, link } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { dayGroupAttributes } from "./dayGroups";
import { breadthColumns } from "./interactions";
import {
  ACTIVITY_STATE,
  checkMailbox,
  checkRecordInputs,
  COUNTED_KINDS,
  directionLinks,
  interactionsInWindow,
  LINKING_PARTICIPATIONS,
  mailboxAllowance,
  reachesRecord,
  type QueryScope,
} from "./scope";
import { assertGuids, assertIsoDate, assertWindow } from "./validate";
import type { XmlElement } from "./xml";

/**
 * The health list's queries: the same counting as one record's, grouped by record, so a page of a
 * view costs the requests of one record. An activity reaches a record by Regarding or through its
 * parties (scope.ts), so each measure is read along both paths and the rows say which record they
 * belong to: the Regarding path groups by regardingobjectid; the party path groups by their party,
 * our party (when a record counts only some of our users) and, for counts, regardingobjectid too, so
 * the client can drop what the Regarding path already counted. An account's contacts are matched
 * through the contact's company (parentcustomerid), which also names the account of the row. Parties are joined here, not tested,
 * so an activity can appear in several groups; counts are distinct activities per group.
 */

export type PagePath =
  /** Activities whose Regarding is one of the records. */
  | { via: "regarding"; recordIds: readonly string[] }
  /**
   * Activities where one of `theirIds` is From/To/Cc or an attendee, one of `ourIds` (when not null)
   * takes part, and the mailbox rules allow it.
   */
  | { via: "parties"; theirIds: readonly string[]; ourIds: readonly string[] | null; mailbox: MailboxScope }
  /** Activities where a contact of one of the accounts is From/To/Cc or an attendee (and the mailbox rules allow it). */
  | { via: "accountContacts"; accountIds: readonly string[]; mailbox: MailboxScope }
  /** One record along both paths, exactly as its widget counts it (for records whose people cannot be grouped). */
  | { via: "record"; record: RecordRef; scope: QueryScope };

/** The paths a grouped query reads along (the record path is for counts only). */
export type GroupedPath = Exclude<PagePath, { via: "record" }>;

export const PAGE_KEYS = { regarding: "regarding", their: "theirparty", our: "ourparty" } as const;

export const PAGE_ALIASES = {
  count: "activitycount",
  kind: "kind",
  state: "state",
  emailDirection: "emaildirection",
  callDirection: "calldirection",
  meetingYear: "meetingyear",
  meetingMonth: "meetingmonth",
  meetingDay: "meetingday",
  lastMeetingEnd: "lastmeetingend",
  lastEnd: "lastend",
  nextStart: "nextstart",
} as const;

interface PathParts {
  /** Group-by columns and joins that name the record a row belongs to. */
  keys: XmlElement[];
  /** Root-filter part that restricts activities to the path. */
  where: XmlElement | null;
}

function partyJoin(alias: string, key: string, children: XmlElement[]): XmlElement {
  return link({ name: "activityparty", from: "activityid", to: "activityid", alias, type: "inner" }, attribute("partyid", { alias: key, groupby: true }), ...children);
}

function pathParts(path: PagePath, groupRegarding: boolean): PathParts {
  const regarding = attribute("regardingobjectid", { alias: PAGE_KEYS.regarding, groupby: true });
  if (path.via === "regarding") {
    const ids = assertGuids(path.recordIds, "record ids");
    return { keys: [regarding], where: ids.length === 1 ? condition("regardingobjectid", "eq", ids[0]) : conditionIn("regardingobjectid", ids) };
  }
  if (path.via === "record") {
    const { record, scope } = checkRecordInputs(path.record, path.scope);
    return { keys: [], where: reachesRecord(record, scope) };
  }
  if (path.via === "accountContacts") {
    const accounts = assertGuids(path.accountIds, "account ids");
    const theirJoin = link(
      { name: "activityparty", from: "activityid", to: "activityid", alias: "their", type: "inner" },
      filter("and", conditionIn("participationtypemask", LINKING_PARTICIPATIONS)),
      link(
        { name: "contact", from: "contactid", to: "partyid", alias: "theircontact", type: "inner" },
        attribute("parentcustomerid", { alias: PAGE_KEYS.their, groupby: true }),
        filter("and", conditionIn("parentcustomerid", accounts)),
      ),
    );
    const allowance = mailboxAllowance({ mailbox: checkMailbox(path.mailbox), people: { theirIds: accounts, ourIds: null } });
    return { keys: [theirJoin, ...(groupRegarding ? [regarding] : [])], where: allowance };
  }
  const their = assertGuids(path.theirIds, "their people");
  const ours = path.ourIds === null ? null : assertGuids(path.ourIds, "our people");
  const allowance = mailboxAllowance({ mailbox: checkMailbox(path.mailbox), people: { theirIds: their, ourIds: ours } });
  const keys = [
    partyJoin("their", PAGE_KEYS.their, [filter("and", conditionIn("participationtypemask", LINKING_PARTICIPATIONS), conditionIn("partyid", their))]),
    ...(ours === null ? [] : [partyJoin("our", PAGE_KEYS.our, [filter("and", conditionIn("partyid", ours))])]),
    ...(groupRegarding ? [regarding] : []),
  ];
  return { keys, where: allowance };
}

function rootFilter(window: XmlElement, path: PathParts): XmlElement {
  return filter("and", window, ...(path.where ? [path.where] : []));
}

/**
 * Emails, calls and tasks completed in the window and meetings held in it, per kind, direction and
 * day: completed kinds by the day of actualend, meetings by the day of their scheduled end, with the
 * latest meeting end (the last interaction when a held meeting was never marked complete). Counts are
 * of distinct activities, so a joined party never counts an activity twice within a group.
 */
export function pageInteractionsQuery(path: PagePath, window: DateWindow): FetchQuery {
  const checked = assertWindow(window);
  const a = PAGE_ALIASES;
  const parts = pathParts(path, true);
  return activityAggregate(
    attribute("activityid", { alias: a.count, aggregate: "countcolumn", distinct: true }),
    attribute("scheduledend", { alias: a.lastMeetingEnd, aggregate: "max" }),
    attribute("activitytypecode", { alias: a.kind, groupby: true }),
    ...dayGroupAttributes("actualend"),
    attribute("scheduledend", { alias: a.meetingYear, groupby: true, dategrouping: "year" }),
    attribute("scheduledend", { alias: a.meetingMonth, groupby: true, dategrouping: "month" }),
    attribute("scheduledend", { alias: a.meetingDay, groupby: true, dategrouping: "day" }),
    ...directionLinks({ email: a.emailDirection, call: a.callDirection }),
    ...parts.keys,
    rootFilter(interactionsInWindow(checked), parts),
  );
}

/**
 * The latest completed interaction (by actualend, up to now) and the next planned one (open or
 * scheduled, starting from now), per kind, direction and state: the client takes the latest and the
 * earliest of the groups.
 */
export function pageLatestQuery(path: GroupedPath, now: Date): FetchQuery {
  const at = assertIsoDate(now, "current time");
  const a = PAGE_ALIASES;
  const parts = pathParts(path, false);
  const happened = filter("and", condition("statecode", "eq", ACTIVITY_STATE.completed), condition("actualend", "le", at));
  const planned = filter("and", conditionIn("statecode", [ACTIVITY_STATE.open, ACTIVITY_STATE.scheduled]), condition("scheduledstart", "ge", at));
  return activityAggregate(
    attribute("actualend", { alias: a.lastEnd, aggregate: "max" }),
    attribute("scheduledstart", { alias: a.nextStart, aggregate: "min" }),
    attribute("statecode", { alias: a.state, groupby: true }),
    attribute("activitytypecode", { alias: a.kind, groupby: true }),
    ...directionLinks({ email: a.emailDirection, call: a.callDirection }),
    ...parts.keys,
    rootFilter(filter("and", conditionIn("activitytypecode", COUNTED_KINDS), filter("or", happened, planned)), parts),
  );
}

/**
 * The people on each side who took part in the window's interactions, per record, person and kind,
 * with the first and last date they did (breadthQuery, grouped by record).
 */
export function pageBreadthQuery(path: GroupedPath, window: DateWindow): FetchQuery {
  const checked = assertWindow(window);
  // breadthQuery's columns, so one row reader parses both.
  const parts = pathParts(path, false);
  return activityAggregate(...breadthColumns(), ...parts.keys, rootFilter(interactionsInWindow(checked), parts));
}
