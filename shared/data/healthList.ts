/**
 * Health scores for a page of a view: one settings read and one facts read for the whole page, then
 * each record scored from the same reads as the single-record widget, so the list and the widget agree.
 * A record that fails says so in its own row; the others still score.
 */
import { computeHealthScore } from "../analytics";
import { DataError, isDataError } from "../errors";
import type { HealthScore, LoadResult, RecordRef, RecordType } from "../model";
import { parseRecordFacts, type RecordFacts } from "../parsing";
import { assertGuid, assertRecordType, MAX_IDS_PER_QUERY, recordFactsQuery } from "../queries";
import { readAccess, type Access } from "./access";
import { asOf, readBreadth, readInteractions, windowPair } from "./interactions";
import type { DataServices } from "./services";

export interface HealthListEntry {
  record: RecordRef;
  outcome: { kind: "scored"; score: HealthScore } | { kind: "failed"; error: DataError };
  /** Opportunities only; null when unknown. */
  estimatedCloseDate: Date | null;
  estimatedValue: number | null;
}

/** Records scored at once: keeps the page's parallel requests within what the service protection allows. */
const CONCURRENT_RECORDS = 4;

async function readFacts(services: DataServices, type: RecordType, ids: string[]): Promise<Map<string, RecordFacts>> {
  const facts = new Map<string, RecordFacts>();
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_QUERY) {
    const rows = await services.client.fetch(recordFactsQuery(type, ids.slice(start, start + MAX_IDS_PER_QUERY)));
    for (const item of parseRecordFacts(type, rows).items) facts.set(item.id, item);
  }
  return facts;
}

/** The health score of one record whose facts are known: the widget and the list score the same way. */
export async function scoreRecord(services: DataServices, access: Access, record: RecordRef, facts: RecordFacts): Promise<HealthScore> {
  const days = access.settings.analyticsWindowDays;
  const scope = { ...access.scope, people: facts.people };
  const [read, breadth] = await Promise.all([readInteractions(services, record, scope), readBreadth(services, record, days, scope)]);
  const pair = windowPair(services, read, days, breadth);
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

  const score = async (id: string): Promise<HealthListEntry> => {
    const record: RecordRef = { type: table, id };
    const known = facts.get(id);
    const base = { record, estimatedCloseDate: known?.estimatedCloseDate ?? null, estimatedValue: known?.estimatedValue ?? null };
    if (!known) return { ...base, outcome: { kind: "failed", error: new DataError("notFound", `No ${table} with that id`, { table }) } };
    try {
      return { ...base, outcome: { kind: "scored", score: await scoreRecord(services, access, record, known) } };
    } catch (error) {
      const failure = isDataError(error) ? error : new DataError("unknown", "Unexpected failure", { table });
      return { ...base, outcome: { kind: "failed", error: failure } };
    }
  };

  for (let start = 0; start < unique.length; start += CONCURRENT_RECORDS) {
    for (const entry of await Promise.all(unique.slice(start, start + CONCURRENT_RECORDS).map(score))) entries.set(entry.record.id, entry);
  }
  return { kind: "ready", data: entries };
}
