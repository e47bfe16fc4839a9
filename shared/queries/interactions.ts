import { activityAggregate, attribute, condition, conditionIn, filter, link } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { dayGroupAttributes } from "./dayGroups";
import {
  checkActivityInputs,
  completedInWindow,
  directionLinks,
  heldMeetingsInWindow,
  interactionsInWindow,
  LINKING_PARTICIPATIONS,
  PARTICIPATION,
  PARTY_TYPE,
  reachesRecord,
} from "./scope";
import type { DateWindow, RecordRef } from "../model";
import type { QueryScope } from "./scope";
import type { XmlElement } from "./xml";

export const INTERACTION_ALIASES = {
  count: "activitycount",
  minutes: "minutes",
  kind: "kind",
  emailDirection: "emaildirection",
  callDirection: "calldirection",
} as const;

/**
 * Completed emails, calls and tasks with a record per kind, direction and day (of actualend, in the
 * user's time zone): emails sent/received, calls made/received, call time, the timeline. Parties are
 * tested, not joined, so each activity is one row of the count and its duration is summed once however
 * many of the record's people took part. Meetings are read per appointment by meetingsQuery.
 */
export function interactionsQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  const a = INTERACTION_ALIASES;
  return activityAggregate(
    attribute("activityid", { alias: a.count, aggregate: "count" }),
    attribute("actualdurationminutes", { alias: a.minutes, aggregate: "sum" }),
    attribute("activitytypecode", { alias: a.kind, groupby: true }),
    ...dayGroupAttributes("actualend"),
    ...directionLinks({ email: a.emailDirection, call: a.callDirection }),
    filter("and", completedInWindow(checked.window), reachesRecord(checked.record, checked.scope)),
  );
}

export const MEETING_ALIASES = {
  meeting: "meetingid",
  end: "meetingend",
  actualMinutes: "actualminutes",
  scheduledMinutes: "scheduledminutes",
  ourAttendees: "ourattendees",
} as const;

/**
 * Held meetings with the record, one row per appointment, dated by its scheduled end: its actual and
 * scheduled duration and how many of our users attended (organizer, required or optional). Microsoft
 * multiplies meeting time by our attendees only; the customer's time is the meeting's duration.
 */
export function meetingsQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  const a = MEETING_ALIASES;
  return activityAggregate(
    attribute("activityid", { alias: a.meeting, groupby: true }),
    // Grouped by appointment, so max is that appointment's own value.
    attribute("actualdurationminutes", { alias: a.actualMinutes, aggregate: "max" }),
    attribute("scheduleddurationminutes", { alias: a.scheduledMinutes, aggregate: "max" }),
    attribute("scheduledend", { alias: a.end, aggregate: "max" }),
    ...dayGroupAttributes("scheduledend"),
    link(
      { name: "activityparty", from: "activityid", to: "activityid", alias: "ourattendee", type: "outer" },
      attribute("partyid", { alias: a.ourAttendees, aggregate: "countcolumn", distinct: true }),
      filter(
        "and",
        condition("partyobjecttypecode", "eq", PARTY_TYPE.systemuser),
        conditionIn("participationtypemask", [PARTICIPATION.required, PARTICIPATION.optional, PARTICIPATION.organizer]),
      ),
    ),
    filter("and", heldMeetingsInWindow(checked.window), reachesRecord(checked.record, checked.scope)),
  );
}

export const BREADTH_ALIASES = {
  person: "person",
  partyType: "partytype",
  kind: "kind",
  firstEnd: "firstend",
  lastEnd: "lastend",
  firstScheduledEnd: "firstscheduledend",
  lastScheduledEnd: "lastscheduledend",
} as const;

/**
 * Engagement breadth: the people on each side (our users; their contacts and leads) who took part in
 * the interactions that reach the record, one row per person and kind with the first and last date
 * they took part (actualend; scheduledend for meetings). Rows name the person rather than count them,
 * so the two halves of a window split past the aggregate limit merge exactly, and one read tells who
 * took part in the current period and who in the one before.
 */
export function breadthQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  return activityAggregate(...breadthColumns(), filter("and", interactionsInWindow(checked.window), reachesRecord(checked.record, checked.scope)));
}

/** Kind, first and last dates, and the person who took part: the columns of every breadth read. */
export function breadthColumns(): XmlElement[] {
  const a = BREADTH_ALIASES;
  return [
    attribute("activitytypecode", { alias: a.kind, groupby: true }),
    attribute("actualend", { alias: a.firstEnd, aggregate: "min" }),
    attribute("actualend", { alias: a.lastEnd, aggregate: "max" }),
    attribute("scheduledend", { alias: a.firstScheduledEnd, aggregate: "min" }),
    attribute("scheduledend", { alias: a.lastScheduledEnd, aggregate: "max" }),
    link(
      { name: "activityparty", from: "activityid", to: "activityid", alias: "person", type: "inner" },
      attribute("partyid", { alias: a.person, groupby: true }),
      attribute("partyobjecttypecode", { alias: a.partyType, groupby: true }),
      filter(
        "and",
        conditionIn("participationtypemask", [...LINKING_PARTICIPATIONS, PARTICIPATION.organizer]),
        conditionIn("partyobjecttypecode", [PARTY_TYPE.systemuser, PARTY_TYPE.contact, PARTY_TYPE.lead]),
      ),
    ),
  ];
}
