import type { DateWindow, RecordRef } from "../model";
import { attribute, condition, conditionIn, entity, fetchElement, filter, link, order, toFetchQuery } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import {
  ACTIVITY_STATE,
  CALL_LINK,
  checkActivityInputs,
  checkRecordInputs,
  completedInWindow,
  COUNTED_KINDS,
  directionLinks,
  EMAIL_LINK,
  reachesRecord,
  type QueryScope,
} from "./scope";
import { assertIsoDate } from "./validate";

/** Result keys of link-entity columns in non-aggregate results ("<alias>.<column>"). */
export const EMAIL_DIRECTION_KEY = `${EMAIL_LINK}.directioncode`;
export const CALL_DIRECTION_KEY = `${CALL_LINK}.directioncode`;
export const CONVERSATION_INDEX_KEY = `${EMAIL_LINK}.conversationindex`;

function checkNow(record: RecordRef, now: Date, scope: QueryScope) {
  return { ...checkRecordInputs(record, scope), now: assertIsoDate(now, "current time") };
}

/** One activity that reaches the record, the first by `date` in the given direction from now. */
function oneActivityQuery(
  record: RecordRef,
  now: Date,
  scope: QueryScope,
  pick: { date: "actualend" | "scheduledstart"; states: number[]; from: "le" | "ge"; newestFirst: boolean },
): FetchQuery {
  const checked = checkNow(record, now, scope);
  return toFetchQuery(
    "activitypointer",
    fetchElement(
      { top: 1 },
      entity(
        "activitypointer",
        attribute("activityid"),
        attribute("activitytypecode"),
        attribute(pick.date),
        ...directionLinks(),
        filter(
          "and",
          pick.states.length === 1 ? condition("statecode", "eq", pick.states[0]) : conditionIn("statecode", pick.states),
          conditionIn("activitytypecode", COUNTED_KINDS),
          condition(pick.date, pick.from, checked.now),
          reachesRecord(checked.record, checked.scope),
        ),
        order({ attribute: pick.date }, pick.newestFirst),
      ),
    ),
  );
}

/**
 * The most recent completed interaction with the record (date, kind, direction): the "last activity"
 * KPI and the recency factor. Meetings held but never marked complete have no actualend; the data
 * layer takes the latest of those from the meetings it reads.
 */
export function lastActivityQuery(record: RecordRef, now: Date, scope: QueryScope): FetchQuery {
  return oneActivityQuery(record, now, scope, { date: "actualend", states: [ACTIVITY_STATE.completed], from: "le", newestFirst: true });
}

/** The next planned interaction (open or scheduled, starting from now): the "next activity" KPI. */
export function nextActivityQuery(record: RecordRef, now: Date, scope: QueryScope): FetchQuery {
  return oneActivityQuery(record, now, scope, {
    date: "scheduledstart",
    states: [ACTIVITY_STATE.open, ACTIVITY_STATE.scheduled],
    from: "ge",
    newestFirst: false,
  });
}

/** Most emails one thread query reads; the newest are kept so truncation loses old threads, not replies. */
export const EMAIL_THREAD_LIMIT = 500;

/**
 * Emails of the window with their thread (the email table's conversationindex) and direction, newest
 * first: the client finds who started each thread and the other side's first answer, for response rate
 * and first-response time both ways. No subject or body is read.
 */
export function emailThreadsQuery(record: RecordRef, window: DateWindow, scope: QueryScope): FetchQuery {
  const checked = checkActivityInputs(record, window, scope);
  return toFetchQuery(
    "activitypointer",
    fetchElement(
      { top: EMAIL_THREAD_LIMIT },
      entity(
        "activitypointer",
        attribute("activityid"),
        attribute("actualend"),
        link(
          { name: "email", from: "activityid", to: "activityid", alias: EMAIL_LINK, type: "inner" },
          attribute("conversationindex"),
          attribute("directioncode"),
          filter("and", condition("conversationindex", "not-null")),
        ),
        filter("and", completedInWindow(checked.window, ["email"]), reachesRecord(checked.record, checked.scope)),
        order({ attribute: "actualend" }, true),
      ),
    ),
  );
}
