/**
 * What one widget load costs as a record's history grows: requests sent, rows returned and time,
 * for records with 10 up to 100,000 activities, against the local stand-in. The point is the
 * requests and rows columns: the server counts, so they stay flat however long the history.
 * Run: npm run bench
 */
import { performance } from "perf_hooks";
import { createStandIn, seedBigHistory } from "../dev/seed";
import { DEFAULT_SETTINGS, serializeSettings } from "../shared/analytics";
import { loadHealthScore, loadIntroducers, loadKpis } from "../shared/data/widgets";
import type { DataServices } from "../shared/data/services";
import { SETTINGS_VARIABLE } from "../shared/libraryInfo";
import { createQueryCache } from "../shared/transport/cache";
import { createDataverseClient } from "../shared/transport/client";

const NOW = new Date("2026-11-20T10:00:00.000Z");
const SIZES = [10, 100, 1_000, 10_000, 100_000];

const settings = serializeSettings({ ...DEFAULT_SETTINGS, enabled: true, activatedOn: "2026-11-17T10:00:00.000Z" });

type Widgets = "all" | "health" | "kpis" | "introducers";

async function measure(activities: number, widgets: Widgets) {
  const org = createStandIn({ now: NOW, seed: 1, settings: { schemaName: SETTINGS_VARIABLE, value: settings } });
  const users = org.stories.users.slice(0, 4).map((u) => u.id);
  const big = seedBigHistory(org.store, { now: NOW, seed: 2, activities, userIds: users });
  const services: DataServices = {
    client: createDataverseClient(org.standIn, { cache: createQueryCache(30_000) }),
    userId: org.stories.currentUserId,
    userRoleIds: [],
    now: () => NOW,
    timeZoneOffsetMinutes: 0,
    settingsVariable: SETTINGS_VARIABLE,
  };
  const target = { kind: "record" as const, record: big.contact };
  org.standIn.resetLog();
  let rows = 0;
  const original = org.standIn.retrieveMultipleRecords.bind(org.standIn);
  org.standIn.retrieveMultipleRecords = async (entity, options, max) => {
    const result = await original(entity, options, max);
    rows += result.entities.length;
    return result;
  };
  const started = performance.now();
  const loads = {
    health: () => loadHealthScore(services, target),
    kpis: () => loadKpis(services, target, 60),
    introducers: () => loadIntroducers(services, target, 5),
  };
  // "all": the three record widgets on one form, loading together as they do on a page.
  await Promise.all(widgets === "all" ? Object.values(loads).map((load) => load()) : [loads[widgets]()]);
  const ms = performance.now() - started;
  return { activities, requests: org.standIn.requests.length, rows, ms };
}

async function main(): Promise<void> {
  console.log("widgets      activities  requests  rows returned  time (stand-in, ms)");
  for (const widgets of ["health", "kpis", "introducers", "all"] as const) {
    for (const size of SIZES) {
      const r = await measure(size, widgets);
      console.log(`${widgets.padEnd(11)}  ${String(r.activities).padStart(10)}  ${String(r.requests).padStart(8)}  ${String(r.rows).padStart(13)}  ${r.ms.toFixed(0).padStart(19)}`);
    }
  }
}

void main();
