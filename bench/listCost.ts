/**
 * What the health list costs for a page of a view, against the stand-in answering after the same fixed
 * latency as the form bench: requests, sequential stages, bytes received and time until every row is
 * scored, for pages of 50 and 250 contacts as their histories grow, beside one record's health score
 * widget; then the seeded organization's lead, opportunity and account views, whose records several
 * people stand for. The loader is the control's own. Run: npm run bench, or npx tsx bench/listCost.ts.
 */
import { performance } from "perf_hooks";
import { ERROR_CODES } from "../dev/dataverse/faults";
import { createPcfContext } from "../dev/pcfContext";
import { createStandIn, seedBigHistory, type SeededStandIn } from "../dev/seed";
import { loadHealthList } from "../shared/data/healthList";
import { loadHealthScore } from "../shared/data/widgets";
import { SETTINGS_VARIABLE } from "../shared/libraryInfo";
import type { RecordType } from "../shared/model";
import { dataServices } from "../shared/pcf/host";
import { LATENCY_MS, newPage, NOW, settingsJson } from "./loadCost";
import { kib, recordingWebApi, trafficOf, type RecordingWebApi, type Traffic } from "./measure";


export interface ListLoad extends Traffic {
  label: string;
  type: RecordType;
  records: number;
  /** Activities of each record's history (the page's largest, when they differ). */
  activitiesEach: number;
  scored: number;
  failed: number;
  ms: number;
}

export interface ListCostResults {
  latencyMs: number;
  /** One contact's health score widget (10 activities), the cost a page is measured against. */
  oneRecord: ListLoad;
  pages: ListLoad[];
}

interface Org {
  org: SeededStandIn;
  webApi: RecordingWebApi;
}

function seededOrg(): Org {
  const org = createStandIn({ now: NOW, seed: 1, settings: { schemaName: SETTINGS_VARIABLE, value: settingsJson([]) } });
  org.standIn.setLatency(LATENCY_MS);
  return { org, webApi: recordingWebApi(org.standIn) };
}

function contacts(org: Org, count: number, activities: number, seed: number): string[] {
  const colleagues = org.org.stories.users.filter((u) => !u.disabled).slice(0, 4).map((u) => u.id);
  return Array.from({ length: count }, (_, i) => seedBigHistory(org.org.store, { now: NOW, seed: seed + i, activities, userIds: colleagues }).contact.id);
}

function services(org: Org) {
  const context = createPcfContext({ strings: {}, webAPI: org.webApi, userId: org.org.stories.currentUserId, securityRoles: [org.org.stories.roles.salesperson] });
  return dataServices(context, () => NOW);
}

async function measureList(org: Org, label: string, type: RecordType, ids: string[], activitiesEach: number): Promise<ListLoad> {
  newPage();
  org.webApi.reset();
  const started = performance.now();
  const result = await loadHealthList(services(org), type, ids);
  const ms = performance.now() - started;
  if (result.kind !== "ready") throw new Error(`bench: the list answered ${result.kind}`);
  const outcomes = [...result.data.values()].map((entry) => entry.outcome.kind);
  return {
    label,
    type,
    records: ids.length,
    activitiesEach,
    scored: outcomes.filter((k) => k === "scored").length,
    failed: outcomes.filter((k) => k === "failed").length,
    ms,
    ...trafficOf(org.webApi.log, ERROR_CODES.aggregateLimit),
  };
}

export async function measureListCost(progress: (line: string) => void = () => undefined): Promise<ListCostResults> {
  const pages: ListLoad[] = [];
  const small = seededOrg();
  progress("  health list: seeding 250 contacts with 10 activities each…");
  const tenEach = contacts(small, 250, 10, 1000);
  newPage();
  small.webApi.reset();
  const started = performance.now();
  await loadHealthScore(services(small), { kind: "record", record: { type: "contact", id: tenEach[0] } });
  const oneRecord: ListLoad = { label: "health score widget", type: "contact", records: 1, activitiesEach: 10, scored: 1, failed: 0, ms: performance.now() - started, ...trafficOf(small.webApi.log, ERROR_CODES.aggregateLimit) };
  pages.push(await measureList(small, "contacts", "contact", tenEach.slice(0, 50), 10));
  pages.push(await measureList(small, "contacts", "contact", tenEach, 10));

  const large = seededOrg();
  progress("  health list: seeding 250 contacts with 1,000 activities each…");
  const thousandEach = contacts(large, 250, 1000, 2000);
  pages.push(await measureList(large, "contacts", "contact", thousandEach.slice(0, 50), 1000));
  pages.push(await measureList(large, "contacts", "contact", thousandEach, 1000));
  progress("  health list: one contact of the page with 100,000 activities…");
  const [huge] = contacts(large, 1, 100_000, 3000);
  pages.push(await measureList(large, "contacts, one with 100,000", "contact", [huge, ...thousandEach.slice(0, 49)], 100_000));

  const views = { lead: "the seed's leads", opportunity: "the seed's opportunities", account: "the seed's accounts" } as const;
  for (const [type, label] of Object.entries(views) as [keyof typeof views, string][]) {
    const ids = [...small.org.store.scan(type)].map((row) => String(row[`${type}id`])).slice(0, 50);
    pages.push(await measureList(small, label, type, ids, 0));
  }
  return { latencyMs: LATENCY_MS, oneRecord, pages };
}

const n = (value: number, width: number) => value.toLocaleString("en-US").padStart(width);

export function listCostTable(results: ListCostResults): string[] {
  const one = results.oneRecord;
  const lines = [
    `Health list: a page of a view scored (cold page), stand-in latency ${results.latencyMs} ms per request.`,
    `Against: one contact's health score widget, ${one.requests} requests in ${one.stages} stages, ${kib(one.bytes)} KiB received, ${Math.round(one.ms)} ms.`,
    "",
    "page                          records  activities each | requests  stages  KiB received  scored ms | scored  failed | requests vs one widget",
  ];
  for (const p of results.pages) {
    const each = p.activitiesEach === 0 ? "seeded" : n(p.activitiesEach, 0);
    lines.push(
      `${p.label.padEnd(28)} ${n(p.records, 8)} ${each.padStart(16)} | ${n(p.requests, 8)} ${n(p.stages, 7)} ${kib(p.bytes).padStart(13)} ${n(Math.round(p.ms), 9)} |` +
        ` ${n(p.scored, 6)} ${n(p.failed, 7)} | ${(p.requests / one.requests).toFixed(2)}×`,
    );
  }
  lines.push("Contacts are counted in grouped queries; a lead, opportunity or account that several people stand for reads its counts in one query of its own,");
  lines.push("and a page whose span holds more than 50,000 activities splits its windows (see shared/data/healthList.ts).");
  return lines;
}

if (require.main === module) {
  measureListCost((line) => console.error(line))
    .then((results) => console.log(listCostTable(results).join("\n")))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
