/**
 * Reads everything the analytics need about one record. The server counts (aggregate FetchXML), so
 * the cost stays flat however long the record's history is; the requests run in parallel. Every widget
 * reads the same span (the longest period anyone can choose, and the one before it), so widgets with
 * different windows on one form share one read through the page cache and slice it here.
 */
import { calendarWindow, dayKey, daysBefore } from "../analytics";
import { DataError } from "../errors";
import type { ActivitySummary, DateWindow, HeldMeeting, InteractionBucket, InteractionData, RecordRef } from "../model";
import {
  parseBreadth,
  parseEmailThreads,
  parseInteractions,
  parseLastActivity,
  parseMeetings,
  parseNextActivity,
  parseRecordFacts,
  type BreadthRow,
  type Parsed,
  type RecordFacts,
} from "../parsing";
import {
  breadthQuery,
  emailThreadsQuery,
  interactionsQuery,
  lastActivityQuery,
  meetingsQuery,
  nextActivityQuery,
  recordFactsQuery,
  type FetchQuery,
  type QueryScope,
} from "../queries";
import type { Row } from "../transport/client";
import { fetchAcrossWindow } from "../transport/split";
import type { DataServices } from "./services";

const MINUTE_MS = 60_000;

/** The longest analytics period an admin or maker can choose (settings allow 30, 60 or 90 days). */
export const LONGEST_WINDOW_DAYS = 90;

/**
 * The instant every query of one load is "as of": the clock floored to the minute, so widgets
 * that load in the same minute send identical queries and the page cache answers all but one.
 */
export function asOf(services: DataServices): Date {
  return new Date(Math.floor(services.now().getTime() / MINUTE_MS) * MINUTE_MS);
}

/** State, age and the people who stand for the record. A record that cannot be read is notFound. */
export async function readRecordFacts(services: DataServices, record: RecordRef): Promise<RecordFacts> {
  const facts = parseRecordFacts(record.type, await services.client.fetch(recordFactsQuery(record.type, [record.id]))).items[0];
  if (!facts) throw new DataError("notFound", `No ${record.type} with that id`, { table: record.type });
  return facts;
}

export async function aggregate<T>(services: DataServices, build: (w: DateWindow) => FetchQuery, window: DateWindow, parse: (rows: Row[]) => Parsed<T>): Promise<Parsed<T>> {
  // Each sub-window holds distinct days (or people, merged by the caller), so the parts' items add up.
  const parts = (await fetchAcrossWindow(services.client, build, window, services.utcOffsetAt)).map(parse);
  return { items: parts.flatMap((p) => p.items), skipped: parts.reduce((n, p) => n + p.skipped, 0) };
}

/** Everything read for one record, over the span every window is sliced from. */
export interface InteractionRead {
  record: RecordRef;
  buckets: InteractionBucket[];
  meetings: HeldMeeting[];
  last: ActivitySummary | null;
  next: ActivitySummary | null;
  threads: InteractionData["threads"];
  skippedRows: number;
}

/** The later of two activities; the first when they tie. */
export function later(a: ActivitySummary | null, b: ActivitySummary | null): ActivitySummary | null {
  if (a === null) return b;
  return b !== null && b.at > a.at ? b : a;
}

/** The span every read covers: the longest window (current) and the one before it. */
export function readSpan(services: DataServices): { span: DateWindow; current: DateWindow } {
  const current = calendarWindow(asOf(services), LONGEST_WINDOW_DAYS, services.utcOffsetAt);
  return { span: { from: daysBefore(current, LONGEST_WINDOW_DAYS, services.utcOffsetAt).from, to: current.to }, current };
}

/** The record's interactions over the longest window and the one before it, in one round of parallel reads. */
export async function readInteractions(services: DataServices, record: RecordRef, scope: QueryScope): Promise<InteractionRead> {
  const now = asOf(services);
  const { span, current } = readSpan(services);
  const { client } = services;
  const [buckets, meetings, last, next, threads] = await Promise.all([
    aggregate(services, (w) => interactionsQuery(record, w, scope), span, parseInteractions),
    aggregate(services, (w) => meetingsQuery(record, w, scope), span, parseMeetings),
    client.fetch(lastActivityQuery(record, now, scope)).then(parseLastActivity),
    client.fetch(nextActivityQuery(record, now, scope)).then(parseNextActivity),
    client.fetch(emailThreadsQuery(record, current, scope)).then(parseEmailThreads),
  ]);
  // A meeting held but never marked complete has no actualend, so the last-activity query cannot see it.
  const latestMeeting = meetings.items.reduce<HeldMeeting | null>((m, x) => (m === null || x.end > m.end ? x : m), null);
  const lastMeeting: ActivitySummary | null = latestMeeting && { kind: "appointment", direction: "mutual", at: latestMeeting.end };
  const meetingBuckets: InteractionBucket[] = meetings.items.map((m) => ({ kind: "appointment", direction: "mutual", day: m.day, count: 1, durationMinutes: m.minutes }));
  return {
    record,
    buckets: [...buckets.items, ...meetingBuckets],
    meetings: meetings.items,
    last: later(last.items[0] ?? null, lastMeeting),
    next: next.items[0] ?? null,
    threads: threads.items,
    skippedRows: buckets.skipped + meetings.skipped + last.skipped + next.skipped + threads.skipped,
  };
}

/** People who took part in a window pair: rows carry each person's first and last date in the read span. */
export interface Breadth {
  current: { ours: number; theirs: number };
  previous: { ours: number; theirs: number };
  skippedRows: number;
}

/** The breadth window pair of `windowDays`: the span breadth rows are read over, and where the current period starts. */
export function breadthSpan(services: DataServices, windowDays: number): { span: DateWindow; currentFrom: Date } {
  const current = calendarWindow(asOf(services), windowDays, services.utcOffsetAt);
  const previous = daysBefore(current, windowDays, services.utcOffsetAt);
  return { span: { from: previous.from, to: current.to }, currentFrom: current.from };
}

/** Distinct people per side and period, from rows read over breadthSpan (a person may have several rows). */
export function breadthOf(rows: readonly BreadthRow[], currentFrom: Date, skippedRows: number): Breadth {
  const count = (side: BreadthRow["side"], inPeriod: (row: BreadthRow) => boolean) =>
    new Set(rows.filter((row) => row.side === side && inPeriod(row)).map((row) => row.personId)).size;
  const inCurrent = (row: BreadthRow) => row.last >= currentFrom;
  const inPrevious = (row: BreadthRow) => row.first < currentFrom;
  return {
    current: { ours: count("ours", inCurrent), theirs: count("theirs", inCurrent) },
    previous: { ours: count("ours", inPrevious), theirs: count("theirs", inPrevious) },
    skippedRows,
  };
}

export async function readBreadth(services: DataServices, record: RecordRef, windowDays: number, scope: QueryScope): Promise<Breadth> {
  const { span, currentFrom } = breadthSpan(services, windowDays);
  const rows = await aggregate(services, (w) => breadthQuery(record, w, scope), span, parseBreadth);
  return breadthOf(rows.items, currentFrom, rows.skipped);
}

/** The current window of `windowDays` and the one before it. */
export interface WindowPair {
  current: InteractionData;
  previous: InteractionData;
}

/** Cuts one read into the window pair a widget shows; breadth, when read, fills in the people. */
export function windowPair(services: DataServices, read: InteractionRead, windowDays: number, breadth: Breadth | null): WindowPair {
  const now = asOf(services);
  const current = calendarWindow(now, windowDays, services.utcOffsetAt);
  const previous = daysBefore(current, windowDays, services.utcOffsetAt);
  const from = { current: dayKey(current.from, services.utcOffsetAt), previous: dayKey(previous.from, services.utcOffsetAt) };
  const inCurrent = (day: string) => day >= from.current;
  const inPrevious = (day: string) => day >= from.previous && day < from.current;
  const slice = (window: DateWindow, keep: (day: string) => boolean, people: { ours: number; theirs: number }, threads: InteractionData["threads"], skippedRows: number): InteractionData => ({
    record: read.record,
    window,
    buckets: read.buckets.filter((b) => keep(b.day)),
    meetings: read.meetings.filter((m) => keep(m.day)),
    ourPeople: people.ours,
    theirPeople: people.theirs,
    last: read.last,
    next: read.next,
    threads,
    skippedRows,
  });
  const none = { ours: 0, theirs: 0 };
  const currentThreads = read.threads.filter((t) => t.startedAt >= current.from);
  return {
    current: slice(current, inCurrent, breadth?.current ?? none, currentThreads, read.skippedRows + (breadth?.skippedRows ?? 0)),
    previous: slice(previous, inPrevious, breadth?.previous ?? none, [], 0),
  };
}
