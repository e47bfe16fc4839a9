/**
 * Reads everything the analytics need about one record. The server counts (aggregate FetchXML),
 * so the cost stays flat however long the record's history is; the requests run in parallel.
 */
import { calendarWindow, dayKey, daysBefore } from "../analytics";
import type { DateWindow, InteractionData, RecordRef } from "../model";
import {
  parseBreadth,
  type BreadthRow,
  parseContactIds,
  parseEmailThreads,
  parseInteractions,
  parseLastActivity,
  parseMeetingAttendance,
  parseNextActivity,
  type Parsed,
} from "../parsing";
import {
  accountContactIdsQuery,
  breadthQuery,
  emailThreadsQuery,
  interactionsQuery,
  lastActivityQuery,
  meetingAttendanceQuery,
  nextActivityQuery,
  assertGuid,
  assertRecord,
  type QueryScope,
} from "../queries";
import type { Row } from "../transport/client";
import { fetchAcrossWindow } from "../transport/split";
import type { DataServices } from "./services";

const MINUTE_MS = 60_000;

/**
 * The instant every query of one load is "as of": the clock floored to the minute, so widgets
 * that load in the same minute send identical queries and the page cache answers all but one.
 */
export function asOf(services: DataServices): Date {
  return new Date(Math.floor(services.now().getTime() / MINUTE_MS) * MINUTE_MS);
}

/** The people who stand for the record on their side besides the record itself (domain.md, "People counted"). */
async function relatedPeople(services: DataServices, record: RecordRef): Promise<string[]> {
  if (record.type === "account") return parseContactIds(await services.client.fetch(accountContactIdsQuery(record.id))).items;
  if (record.type === "opportunity") {
    const { id } = assertRecord(record);
    const rows = await services.client.query("opportunity", `?$select=_parentcontactid_value&$filter=opportunityid eq ${id}`);
    const contact = rows[0]?._parentcontactid_value;
    return typeof contact === "string" ? [assertGuid(contact, "opportunity contact")] : [];
  }
  return [];
}

/** An account stands for its contacts and an opportunity for its contact: their activities count too. */
export async function scopeFor(services: DataServices, record: RecordRef, scope: QueryScope): Promise<QueryScope> {
  const related = await relatedPeople(services, record);
  return related.length === 0 ? scope : { ...scope, relatedPartyIds: related };
}

async function aggregate<T>(services: DataServices, build: (w: DateWindow) => ReturnType<typeof interactionsQuery>, window: DateWindow, parse: (rows: Row[]) => Parsed<T>): Promise<Parsed<T>> {
  // Each sub-window holds distinct days (or people, merged by the caller), so the parts' items add up.
  const parts = (await fetchAcrossWindow(services.client, build, window)).map(parse);
  return { items: parts.flatMap((p) => p.items), skipped: parts.reduce((n, p) => n + p.skipped, 0) };
}

/** The current window and the one before it, read in one pass per query and split by day. */
export interface WindowPair {
  current: InteractionData;
  previous: InteractionData;
}

export async function readInteractionPair(services: DataServices, record: RecordRef, windowDays: number, baseScope: QueryScope): Promise<WindowPair> {
  const now = asOf(services);
  const current = calendarWindow(now, windowDays, services.timeZoneOffsetMinutes);
  const previous = daysBefore(current, windowDays);
  const both: DateWindow = { from: previous.from, to: current.to };
  const scope = await scopeFor(services, record, baseScope);
  const { client } = services;

  const [buckets, meetings, breadthNow, breadthBefore, last, next, threads] = await Promise.all([
    aggregate(services, (w) => interactionsQuery(record, w, scope), both, parseInteractions),
    aggregate(services, (w) => meetingAttendanceQuery(record, w, scope), both, parseMeetingAttendance),
    aggregate(services, (w) => breadthQuery(record, w, scope), current, parseBreadth),
    aggregate(services, (w) => breadthQuery(record, w, scope), previous, parseBreadth),
    client.fetch(lastActivityQuery(record, now, scope)).then(parseLastActivity),
    client.fetch(nextActivityQuery(record, now, scope)).then(parseNextActivity),
    client.fetch(emailThreadsQuery(record, current, scope)).then(parseEmailThreads),
  ]);

  const boundary = dayKey(current.from, services.timeZoneOffsetMinutes);
  const isCurrent = (day: string) => day >= boundary;
  // A person seen in both halves of a split window is still one person.
  const people = (parsed: Parsed<BreadthRow>, side: "ours" | "theirs") => new Set(parsed.items.filter((row) => row.side === side).map((row) => row.personId)).size;
  const shared = { record, last: last.items[0] ?? null, next: next.items[0] ?? null };
  const skippedBoth = buckets.skipped + meetings.skipped + last.skipped + next.skipped;

  return {
    current: {
      ...shared,
      window: current,
      buckets: buckets.items.filter((b) => isCurrent(b.day)),
      meetings: meetings.items.filter((m) => isCurrent(m.day)),
      ourPeople: people(breadthNow, "ours"),
      theirPeople: people(breadthNow, "theirs"),
      threads: threads.items,
      skippedRows: skippedBoth + breadthNow.skipped + threads.skipped,
    },
    previous: {
      ...shared,
      window: previous,
      buckets: buckets.items.filter((b) => !isCurrent(b.day)),
      meetings: meetings.items.filter((m) => !isCurrent(m.day)),
      ourPeople: people(breadthBefore, "ours"),
      theirPeople: people(breadthBefore, "theirs"),
      threads: [],
      skippedRows: breadthBefore.skipped,
    },
  };
}
