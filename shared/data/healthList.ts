/**
 * Health scores for a page of a view. Settings and the page's facts come in one round trip, as the
 * widgets read theirs; then the page is counted with the widget's own rules in a handful of grouped
 * queries (shared/queries/page.ts), so the cost is that of one record however many rows the page
 * has. Grouped counts are exact only when one party stands for a record (a contact; a lead without
 * stakeholders): a record that several of their people (or several of our users) stand for could
 * have one activity counted once per person, so its counts come from one query of its own (an
 * account always: every contact of theirs stands for it). Who took part, the last and the next
 * activity are sets and extremes, exact from grouped rows for every record. A record that fails says
 * so in its own row; the others still score.
 */
import { computeHealthScore } from "../analytics";
import { DataError, isDataError } from "../errors";
import type { ActivitySummary, HealthScore, InteractionBucket, LoadResult, RecordRef, RecordType } from "../model";
import {
  parsePageBreadth,
  parsePageInteractions,
  parsePageLatest,
  parseLastActivity,
  parseNextActivity,
  parseRecordFacts,
  type BreadthRow,
  type PageBreadthRow,
  type PageInteractionRow,
  type PageKeys,
  type PageLatestRow,
  type Parsed,
  type RecordFacts,
} from "../parsing";
import { assertGuid, assertRecordType, lastActivityQuery, MAX_IDS_PER_QUERY, nextActivityQuery, pageBreadthQuery, pageInteractionsQuery, pageLatestQuery, recordFactsQuery, type GroupedPath, type PagePath } from "../queries";
import { readAccess, type Access } from "./access";
import { aggregate, asOf, breadthOf, breadthSpan, later, readBreadth, readInteractions, readSpan, windowPair, type Breadth, type InteractionRead } from "./interactions";
import type { DataServices } from "./services";

export interface HealthListEntry {
  record: RecordRef;
  outcome: { kind: "scored"; score: HealthScore } | { kind: "failed"; error: DataError };
  /** Opportunities only; null when unknown. */
  estimatedCloseDate: Date | null;
  estimatedValue: number | null;
}

/** Record-sized queries run at once: keeps the page well within Dataverse's concurrent-request limit. */
const CONCURRENT_RECORDS = 8;

async function readFacts(services: DataServices, type: RecordType, ids: string[]): Promise<Map<string, RecordFacts>> {
  const facts = new Map<string, RecordFacts>();
  const parts = await Promise.all(chunks(ids, MAX_IDS_PER_QUERY).map((part) => services.client.fetch(recordFactsQuery(type, part))));
  for (const rows of parts) for (const item of parseRecordFacts(type, rows).items) facts.set(item.id, item);
  return facts;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

async function inTurns<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (const part of chunks(items, CONCURRENT_RECORDS)) await Promise.all(part.map(run));
}

function score(services: DataServices, access: Access, record: RecordRef, facts: RecordFacts, read: InteractionRead, breadth: Breadth): HealthScore {
  const pair = windowPair(services, read, access.settings.analyticsWindowDays, breadth);
  return computeHealthScore({
    record,
    recordState: { statecode: facts.statecode },
    createdOn: facts.createdOn,
    current: pair.current,
    previous: pair.previous,
    settings: access.settings.healthScore,
    now: asOf(services),
    utcOffsetAt: services.utcOffsetAt,
  });
}

/** The health score of one record whose facts are known, read as its widget reads it. */
export async function scoreRecord(services: DataServices, access: Access, record: RecordRef, facts: RecordFacts): Promise<HealthScore> {
  const scope = { ...access.scope, people: facts.people };
  const [read, breadth] = await Promise.all([readInteractions(services, record, scope), readBreadth(services, record, access.settings.analyticsWindowDays, scope)]);
  return score(services, access, record, facts, read, breadth);
}

/** A record of the page with the people its activities are matched by. */
interface Member {
  record: RecordRef;
  facts: RecordFacts;
  /** The record and everyone who stands for it on their side. */
  their: string[];
  /** Our users it counts; null for any user. An empty list: only Regarding reaches it. */
  ours: readonly string[] | null;
  /** One party stands for it on each side, so a grouped count of distinct activities is its count. */
  groupedCounts: boolean;
}

function member(record: RecordRef, facts: RecordFacts): Member {
  const their = [...new Set([record.id, ...facts.people.theirIds])];
  const ours = facts.people.ourIds;
  // An account also stands for every contact of theirs, matched by a path of its own.
  const single = their.length === 1 && record.type !== "account" && (ours === null || ours.length <= 1);
  return { record, facts, their, ours, groupedCounts: single };
}

const reachedByParties = (m: Member) => m.ours === null || m.ours.length > 0;

/** Records grouped so that each batch's id lists fit one condition. */
function batches(members: Member[]): Member[][] {
  const result: Member[][] = [];
  let batch: Member[] = [];
  let their = new Set<string>();
  let ours = new Set<string>();
  for (const m of members) {
    const nextTheir = new Set([...their, ...(reachedByParties(m) ? m.their : [])]);
    const nextOurs = new Set([...ours, ...(m.ours ?? [])]);
    if (batch.length > 0 && (batch.length === MAX_IDS_PER_QUERY || nextTheir.size > MAX_IDS_PER_QUERY || nextOurs.size > MAX_IDS_PER_QUERY)) {
      result.push(batch);
      batch = [];
      their = new Set(reachedByParties(m) ? m.their : []);
      ours = new Set(m.ours ?? []);
    } else {
      their = nextTheir;
      ours = nextOurs;
    }
    batch.push(m);
  }
  if (batch.length > 0) result.push(batch);
  return result;
}

function listIn<T>(lists: Map<string, T[]>, key: string): T[] {
  let list = lists.get(key);
  if (!list) lists.set(key, (list = []));
  return list;
}

/** What one batch's grouped rows say about each of its records. */
class PageTally {
  private readonly buckets = new Map<string, InteractionBucket[]>();
  private readonly breadth = new Map<string, BreadthRow[]>();
  private readonly last = new Map<string, ActivitySummary>();
  private readonly next = new Map<string, ActivitySummary>();
  private readonly byId: Map<string, Member>;
  private readonly byTheir = new Map<string, Member[]>();

  constructor(readonly members: Member[]) {
    this.byId = new Map(members.map((m) => [m.record.id, m]));
    for (const m of members.filter(reachedByParties)) for (const id of m.their) listIn(this.byTheir, id).push(m);
  }

  /** The records a row belongs to: its Regarding's, or those its parties stand for. */
  recordsOf(row: PageKeys): Member[] {
    if (row.their === null) {
      const m = row.regarding === null ? undefined : this.byId.get(row.regarding);
      return m ? [m] : [];
    }
    return (this.byTheir.get(row.their) ?? []).filter((m) => m.ours === null || (row.our !== null && m.ours.includes(row.our)));
  }

  /** A grouped count row: counted for each record whose count is grouped, once (Regarding wins). */
  addGroupedCount(row: PageInteractionRow): void {
    for (const m of this.recordsOf(row)) {
      this.noteMeeting(m, row);
      const counted = row.their === null || row.regarding !== m.record.id;
      if (m.groupedCounts && counted) this.addBucket(m, row);
    }
  }

  /** A count row of a record's own query. */
  addOwnCount(m: Member, row: PageInteractionRow): void {
    this.noteMeeting(m, row);
    this.addBucket(m, row);
  }

  private addBucket(m: Member, row: PageInteractionRow): void {
    // The health score reads counts per kind, direction and day; durations are the KPI card's, not read here.
    const bucket: InteractionBucket = { kind: row.kind, direction: row.direction, day: row.day, count: row.count, durationMinutes: 0 };
    listIn(this.buckets, m.record.id).push(bucket);
  }

  /** A meeting held but never marked complete is the last interaction when it is the latest. */
  private noteMeeting(m: Member, row: PageInteractionRow): void {
    if (row.lastMeetingEnd !== null) this.noteLast(m, { kind: "appointment", direction: "mutual", at: row.lastMeetingEnd });
  }

  noteLast(m: Member, activity: ActivitySummary): void {
    const known = this.last.get(m.record.id) ?? null;
    this.last.set(m.record.id, later(known, activity) ?? activity);
  }

  noteNext(m: Member, activity: ActivitySummary): void {
    const known = this.next.get(m.record.id);
    if (!known || activity.at < known.at) this.next.set(m.record.id, activity);
  }

  addLatest(row: PageLatestRow): void {
    for (const m of this.recordsOf(row)) {
      if (row.lastEnd !== null) this.noteLast(m, { kind: row.kind, direction: row.direction, at: row.lastEnd });
      if (row.nextStart !== null) this.noteNext(m, { kind: row.kind, direction: row.direction, at: row.nextStart });
    }
  }

  addBreadth(row: PageBreadthRow): void {
    for (const m of this.recordsOf(row)) listIn(this.breadth, m.record.id).push(row);
  }

  readOf(m: Member, skippedRows: number): InteractionRead {
    const id = m.record.id;
    // Meeting details and email threads feed the KPI card only; the health score never reads them.
    return { record: m.record, buckets: this.buckets.get(id) ?? [], meetings: [], last: this.last.get(id) ?? null, next: this.next.get(id) ?? null, threads: [], skippedRows };
  }

  breadthRowsOf(m: Member): BreadthRow[] {
    return this.breadth.get(m.record.id) ?? [];
  }
}

/** Applies each parsed row to the tally; returns how many rows were malformed. */
async function tallied<T>(load: Promise<Parsed<T>>, add: (row: T) => void): Promise<number> {
  const rows = await load;
  rows.items.forEach(add);
  return rows.skipped;
}

type PathKind = GroupedPath["via"];
const PATH_KINDS: readonly PathKind[] = ["regarding", "parties", "accountContacts"];

/** The path of that kind for these records; null when none of them can be reached along it. */
function pathOf(kind: PathKind, members: Member[], access: Access): GroupedPath | null {
  const { mailbox } = access.scope;
  if (kind === "regarding") return { via: "regarding", recordIds: members.map((m) => m.record.id) };
  if (kind === "accountContacts") return members[0].record.type === "account" ? { via: kind, accountIds: members.map((m) => m.record.id), mailbox } : null;
  const viaParties = members.filter(reachedByParties);
  if (viaParties.length === 0) return null;
  const ourIds = viaParties.some((m) => m.ours !== null) ? [...new Set(viaParties.flatMap((m) => m.ours ?? []))] : null;
  return { via: "parties", theirIds: [...new Set(viaParties.flatMap((m) => m.their))], ourIds, mailbox };
}

/**
 * Last and next activities along one path. Unlike the windowed reads, this one has no window to
 * split when it touches more rows than an aggregate may: the records are halved instead, and a single
 * record that still does reads its two activities the way its widget does.
 */
async function readLatest(services: DataServices, access: Access, tally: PageTally, kind: PathKind, members: Member[]): Promise<number> {
  const path = pathOf(kind, members, access);
  if (path === null) return 0;
  const now = asOf(services);
  try {
    return await tallied(services.client.fetch(pageLatestQuery(path, now)).then(parsePageLatest), (row) => tally.addLatest(row));
  } catch (error) {
    if (!isDataError(error) || error.kind !== "aggregateLimit") throw error;
    if (members.length > 1) {
      const half = Math.ceil(members.length / 2);
      const parts = await Promise.all([members.slice(0, half), members.slice(half)].map((part) => readLatest(services, access, tally, kind, part)));
      return parts[0] + parts[1];
    }
    const [m] = members;
    const scope = { ...access.scope, people: m.facts.people };
    const [last, next] = await Promise.all([
      services.client.fetch(lastActivityQuery(m.record, now, scope)).then(parseLastActivity),
      services.client.fetch(nextActivityQuery(m.record, now, scope)).then(parseNextActivity),
    ]);
    last.items.forEach((activity) => tally.noteLast(m, activity));
    next.items.forEach((activity) => tally.noteNext(m, activity));
    return last.skipped + next.skipped;
  }
}

/** Scores one batch: the grouped queries along each path, plus one count query per record whose counts cannot be grouped. */
async function scoreBatch(services: DataServices, access: Access, members: Member[]): Promise<Map<string, HealthScore | DataError>> {
  const tally = new PageTally(members);
  const table = members[0].record.type;
  const { span } = readSpan(services);
  const breadth = breadthSpan(services, access.settings.analyticsWindowDays);
  // Grouped counts serve only records whose counts can be grouped; the others read their own.
  const countGrouped = members.some((m) => m.groupedCounts);

  const grouped = Promise.all(
    PATH_KINDS.map(async (kind) => {
      const path = pathOf(kind, members, access);
      if (path === null) return { rows: 0, people: 0 };
      const [counts, latest, people] = await Promise.all([
        countGrouped ? tallied(aggregate(services, (w) => pageInteractionsQuery(path, w), span, parsePageInteractions), (row) => tally.addGroupedCount(row)) : 0,
        readLatest(services, access, tally, kind, members),
        tallied(aggregate(services, (w) => pageBreadthQuery(path, w), breadth.span, parsePageBreadth), (row) => tally.addBreadth(row)),
      ]);
      return { rows: counts + latest, people };
    }),
  );
  grouped.catch(() => undefined);
  // Skipped rows of a record's own count query, or why it failed.
  const own = new Map<string, number | DataError>();
  await inTurns(
    members.filter((m) => !m.groupedCounts),
    async (m) => {
      const path: PagePath = { via: "record", record: m.record, scope: { ...access.scope, people: m.facts.people } };
      try {
        own.set(m.record.id, await tallied(aggregate(services, (w) => pageInteractionsQuery(path, w), span, parsePageInteractions), (row) => tally.addOwnCount(m, row)));
      } catch (error) {
        own.set(m.record.id, failure(error, table));
      }
    },
  );
  let skipped: { rows: number; people: number };
  try {
    skipped = (await grouped).reduce((sum, part) => ({ rows: sum.rows + part.rows, people: sum.people + part.people }), { rows: 0, people: 0 });
  } catch (error) {
    return new Map(members.map((m) => [m.record.id, failure(error, table)]));
  }
  const scores = new Map<string, HealthScore | DataError>();
  for (const m of members) {
    const mine = own.get(m.record.id) ?? 0;
    if (typeof mine !== "number") {
      scores.set(m.record.id, mine);
      continue;
    }
    const people = breadthOf(tally.breadthRowsOf(m), breadth.currentFrom, skipped.people);
    scores.set(m.record.id, score(services, access, m.record, m.facts, tally.readOf(m, skipped.rows + mine), people));
  }
  return scores;
}

function failure(error: unknown, table: RecordType): DataError {
  return isDataError(error) ? error : new DataError("unknown", "Unexpected failure", { table });
}

/** Keyed by lower-case id; ids the user cannot read (or that no longer exist) come back as failed rows. */
export async function loadHealthList(services: DataServices, type: RecordType, ids: string[]): Promise<LoadResult<Map<string, HealthListEntry>>> {
  const table = assertRecordType(type);
  const unique = [...new Set(ids.map((id) => assertGuid(id, "record id")))];
  // Settings and the page's facts in one round trip, as the widgets read theirs.
  const pending = unique.length === 0 ? Promise.resolve(new Map<string, RecordFacts>()) : readFacts(services, table, unique);
  pending.catch(() => undefined);
  const access = await readAccess(services);
  const reason = access.effective.offReasons.healthScore;
  if (!access.effective.healthScore && reason) return { kind: "featureOff", reason };
  const entries = new Map<string, HealthListEntry>();
  if (unique.length === 0) return { kind: "ready", data: entries };
  const facts = await pending;

  const entry = (id: string, outcome: HealthScore | DataError): HealthListEntry => {
    const known = facts.get(id);
    return {
      record: { type: table, id },
      outcome: isDataError(outcome) ? { kind: "failed", error: outcome } : { kind: "scored", score: outcome },
      estimatedCloseDate: known?.estimatedCloseDate ?? null,
      estimatedValue: known?.estimatedValue ?? null,
    };
  };
  const members: Member[] = [];
  for (const id of unique) {
    const known = facts.get(id);
    if (known) members.push(member({ type: table, id }, known));
    else entries.set(id, entry(id, new DataError("notFound", `No ${table} with that id`, { table })));
  }

  const results = await Promise.all(batches(members).map((batch) => scoreBatch(services, access, batch)));
  for (const scores of results) for (const [id, outcome] of scores) entries.set(id, entry(id, outcome));
  const ordered = new Map<string, HealthListEntry>();
  for (const id of unique) ordered.set(id, entries.get(id) as HealthListEntry);
  return { kind: "ready", data: ordered };
}
