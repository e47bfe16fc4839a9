import { attribute, conditionIn, entity, fetchElement, filter, link, toFetchQuery } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { dayGroupAttributes } from "./dayGroups";
import {
  checkActivityInputs,
  completedInWindow,
  directionLinks,
  PARTICIPATION,
  PARTY_TYPE,
  reachesRecord,
  recordPartyLink,
} from "./scope";
import type { DateWindow, RecordRef } from "../model";
import type { QueryScope } from "./scope";

export const INTERACTION_ALIASES = {
  count: "activitycount",
  minutes: "minutes",
  kind: "kind",
  emailDirection: "emaildirection",
  callDirection: "calldirection",
} as const;

/**
 * Interactions with a record per kind, direction and day: the raw material of every relationship
 * KPI (emails sent/received, meetings, calls made/received, time spent, the timeline).
 * Each completed activity that reaches the record counts once (distinct activityid), however
 * many of the record's people took part. Durations are summed per row, so an activity in which
 * several of the record's people take part adds its duration once per person: use
 * meetingAttendanceQuery for meeting time.
 */
export function interactionsQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  const a = INTERACTION_ALIASES;
  return toFetchQuery(
    "activitypointer",
    fetchElement(
      { aggregate: true },
      entity(
        "activitypointer",
        attribute("activityid", { alias: a.count, aggregate: "countcolumn", distinct: true }),
        attribute("actualdurationminutes", { alias: a.minutes, aggregate: "sum" }),
        attribute("activitytypecode", { alias: a.kind, groupby: true }),
        ...dayGroupAttributes("actualend"),
        ...directionLinks({ email: a.emailDirection, call: a.callDirection }),
        recordPartyLink(checked.scope),
        filter("and", ...completedInWindow(checked.window), reachesRecord(checked.record, checked.scope)),
      ),
    ),
  );
}

export const MEETING_ALIASES = {
  meeting: "meetingid",
  minutes: "minutes",
  attendees: "attendees",
  partyType: "partytype",
} as const;

/**
 * Meeting time as Microsoft counts time spent: each appointment's duration multiplied by the
 * number of our attendees (users), and separately by theirs. The server counts distinct
 * attendees per appointment and side; the parser multiplies and sums per day.
 */
export function meetingAttendanceQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  const a = MEETING_ALIASES;
  return toFetchQuery(
    "activitypointer",
    fetchElement(
      { aggregate: true },
      entity(
        "activitypointer",
        attribute("activityid", { alias: a.meeting, groupby: true }),
        // Grouped by appointment, so max is simply that appointment's duration.
        attribute("actualdurationminutes", { alias: a.minutes, aggregate: "max" }),
        ...dayGroupAttributes("actualend"),
        link(
          { name: "activityparty", from: "activityid", to: "activityid", alias: "attendee", type: "inner" },
          attribute("partyid", { alias: a.attendees, aggregate: "countcolumn", distinct: true }),
          attribute("partyobjecttypecode", { alias: a.partyType, groupby: true }),
          filter(
            "and",
            conditionIn("participationtypemask", [PARTICIPATION.required, PARTICIPATION.optional, PARTICIPATION.organizer]),
            conditionIn("partyobjecttypecode", [PARTY_TYPE.systemuser, PARTY_TYPE.contact, PARTY_TYPE.lead, PARTY_TYPE.account]),
          ),
        ),
        recordPartyLink(checked.scope),
        filter("and", ...completedInWindow(checked.window, ["appointment"]), reachesRecord(checked.record, checked.scope)),
      ),
    ),
  );
}

export const BREADTH_ALIASES = { person: "person", partyType: "partytype", activities: "activities" } as const;

/**
 * Engagement breadth: the distinct people on each side (our users; their contacts and leads) who
 * took part in the activities that reach the record in the window, one row per person. Rows name
 * the person rather than count them, so the halves of a window split past the aggregate limit
 * merge exactly (a union), where distinct counts could not be added.
 */
export function breadthQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  const a = BREADTH_ALIASES;
  return toFetchQuery(
    "activitypointer",
    fetchElement(
      { aggregate: true },
      entity(
        "activitypointer",
        link(
          { name: "activityparty", from: "activityid", to: "activityid", alias: "person", type: "inner" },
          attribute("partyid", { alias: a.person, groupby: true }),
          attribute("partyobjecttypecode", { alias: a.partyType, groupby: true }),
          attribute("activityid", { alias: a.activities, aggregate: "countcolumn", distinct: true }),
          filter(
            "and",
            conditionIn("participationtypemask", [
              PARTICIPATION.from,
              PARTICIPATION.to,
              PARTICIPATION.cc,
              PARTICIPATION.required,
              PARTICIPATION.optional,
              PARTICIPATION.organizer,
            ]),
            conditionIn("partyobjecttypecode", [PARTY_TYPE.systemuser, PARTY_TYPE.contact, PARTY_TYPE.lead]),
          ),
        ),
        recordPartyLink(checked.scope),
        filter("and", ...completedInWindow(checked.window), reachesRecord(checked.record, checked.scope)),
      ),
    ),
  );
}
