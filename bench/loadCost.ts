/**
 * What a form with all four widgets costs as a contact's history grows, against the local stand-in
 * answering after a fixed latency: requests, sequential round-trip stages, bytes received and
 * time until every widget has its data, on a new page (cold) and again on the same page (warm).
 * Beside it, in the same run: the aggregate-limit fallback, a KPI card with its own window, and
 * the download-everything-and-count-in-the-browser version a developer would write first.
 * Whatever the data layer does today is what gets measured: the loaders are the controls' own.
 * Run: npm run bench (with the bundle table), or npx tsx bench/loadCost.ts for this part alone.
 */
import { performance } from "perf_hooks";
import { ERROR_CODES } from "../dev/dataverse/faults";
import { createPcfContext } from "../dev/pcfContext";
import { DEFAULT_AGGREGATE_LIMIT } from "../dev/dataverse/standIn";
import { createStandIn, seedBigHistory, type SeededStandIn } from "../dev/seed";
import { DEFAULT_SETTINGS, serializeSettings } from "../shared/analytics";
import { loadConsentView, loadHealthScore, loadIntroducers, loadKpis } from "../shared/data/widgets";
import { SETTINGS_VARIABLE } from "../shared/libraryInfo";
import type { RecordRef } from "../shared/model";
import { dataServices } from "../shared/pcf/host";
import { assertGuid } from "../shared/queries";
import { growthFactor, kib, recordingWebApi, trafficOf, type RecordingWebApi, type RequestRecord, type Traffic } from "./measure";

export const NOW = new Date("2026-11-20T10:00:00.000Z");
export const SIZES = [10, 1_000, 10_000, 100_000];
export const LATENCY_MS = 150;
/**
 * Two years of 100,000 activities put about 8,200 in a 60-day window, under Dataverse's 50,000-row
 * aggregate limit; a limit ten times lower makes the windows hold more rows than allowed, as a
 * busier record would against the real limit, so the split-and-retry path runs.
 */
const LOWERED_AGGREGATE_LIMIT = 5000;
const DAY = 86_400_000;
/** Rows per page of a plain (non-aggregate) FetchXML query: the Web API's maximum. */
const PAGE_SIZE = 5000;

export interface Timed extends Traffic {
  ms: number;
  /** Every request of the load (JSON only): which table, when, how many bytes. */
  log: RequestRecord[];
}

export interface FormLoad {
  activities: number;
  mailboxRoles: boolean;
  cold: Timed;
  warm: Timed;
  /** Each widget's outcome ("ready", "featureOff", "error: aggregateLimit", …): a bench of failures measures nothing. */
  outcomes: Record<string, string>;
}

export interface DownloadEverything extends Timed {
  activities: number;
  rows: number;
  /** Activities of the last 60 days the browser counted: proof the download was used. */
  countedInWindow: number;
}

export interface LoadCostResults {
  latencyMs: number;
  forms: FormLoad[];
  /** The same form with the stand-in's aggregate limit lowered, so the analytics windows hold more rows than it allows. */
  fallback: { activities: number; loweredLimit: number; atDefaultLimit: Timed; atLoweredLimit: Timed };
  ownWindow: { activities: number; adminWindowDays: number; cardWindowDays: number; adminWindow: Timed; ownWindow: Timed };
  downloadEverything: DownloadEverything[];
}

interface Page {
  org: SeededStandIn;
  contact: RecordRef;
  webApi: RecordingWebApi;
  roleIds: string[];
}

export function settingsJson(mailboxRoleIds: string[]): string {
  // Switched on three days ago, consent pending: every feature runs.
  return serializeSettings({ ...DEFAULT_SETTINGS, enabled: true, activatedOn: new Date(NOW.getTime() - 3 * DAY).toISOString(), mailboxRoleIds });
}

function seededPage(activities: number): Page {
  const org = createStandIn({ now: NOW, seed: 1, settings: { schemaName: SETTINGS_VARIABLE, value: settingsJson([]) } });
  const colleagues = org.stories.users.filter((u) => !u.disabled).slice(0, 4).map((u) => u.id);
  const big = seedBigHistory(org.store, { now: NOW, seed: 2, activities, userIds: colleagues });
  org.standIn.setLatency(LATENCY_MS);
  // The signed-in salesperson holds the Salesperson role: the role the admin picks for mailbox data.
  return { org, contact: big.contact, webApi: recordingWebApi(org.standIn), roleIds: [org.stories.roles.salesperson] };
}

/** What the admin does in the settings page: mailbox data counts for holders of the Salesperson role. */
function configureMailboxRoles(page: Page): void {
  const valueId = page.org.stories.settings?.valueId;
  if (!valueId) throw new Error("bench: the seeded settings have no value row");
  page.org.store.update("environmentvariablevalue", valueId, { value: settingsJson(page.roleIds) });
}

/** A new page: the controls' page-wide cache lives on window, and a new page has a new window. */
export function newPage(): void {
  const host = globalThis as Record<string, unknown>;
  for (const key of Object.keys(host)) if (key.startsWith("__relationshipIntelligence")) delete host[key];
}

async function outcome(load: Promise<{ kind: string }>): Promise<string> {
  try {
    return (await load).kind;
  } catch (error) {
    const kind = (error as { kind?: unknown }).kind;
    return `error: ${typeof kind === "string" ? kind : String(error)}`;
  }
}

/** The four widgets on one form, each with its own PCF context (as the host gives them), loading together. */
async function loadForm(page: Page, kpiWindowDays: number | null): Promise<{ timed: Timed; outcomes: Record<string, string> }> {
  const services = () =>
    dataServices(
      createPcfContext({
        strings: {},
        webAPI: page.webApi,
        form: { entityTypeName: page.contact.type, entityId: page.contact.id },
        userId: page.org.stories.currentUserId,
        securityRoles: page.roleIds,
      }),
      () => NOW,
    );
  const target = { kind: "record" as const, record: page.contact };
  page.webApi.reset();
  const started = performance.now();
  const [consentBanner, healthScore, kpiCard, whoKnowsWhom] = await Promise.all([
    outcome(loadConsentView(services())),
    outcome(loadHealthScore(services(), target)),
    outcome(loadKpis(services(), target, kpiWindowDays)),
    outcome(loadIntroducers(services(), target, 5)),
  ]);
  const ms = performance.now() - started;
  return { timed: { ...trafficOf(page.webApi.log, ERROR_CODES.aggregateLimit), ms, log: [...page.webApi.log] }, outcomes: { consentBanner, healthScore, kpiCard, whoKnowsWhom } };
}

async function coldAndWarm(page: Page, activities: number, mailboxRoles: boolean): Promise<FormLoad> {
  newPage();
  const cold = await loadForm(page, null);
  const warm = await loadForm(page, null);
  return { activities, mailboxRoles, cold: cold.timed, warm: warm.timed, outcomes: cold.outcomes };
}

function everyActivityXml(contactId: string, page: number, cookie: string | null): string {
  const escaped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const paging = `count="${PAGE_SIZE}" page="${page}"${cookie ? ` paging-cookie="${escaped(cookie)}"` : ""}`;
  return (
    `<fetch ${paging}><entity name="activitypointer">` +
    `<attribute name="activityid"/><attribute name="activitytypecode"/><attribute name="actualstart"/>` +
    `<attribute name="actualend"/><attribute name="scheduledstart"/><attribute name="createdon"/><attribute name="statecode"/><attribute name="ownerid"/>` +
    `<link-entity name="activityparty" from="activityid" to="activityid" link-type="inner" alias="party">` +
    `<attribute name="participationtypemask"/>` +
    `<filter><condition attribute="partyid" operator="eq" value="${assertGuid(contactId, "contact id")}"/></filter></link-entity>` +
    `</entity></fetch>`
  );
}

/** The paging cookie the next page asks with: the documented element's attribute, URL-decoded twice. */
function nextCookie(answer: ComponentFramework.WebApi.RetrieveMultipleResponse): string | null {
  const element = (answer as { fetchXmlPagingCookie?: string }).fetchXmlPagingCookie;
  const encoded = element ? /pagingcookie="([^"]*)"/.exec(element)?.[1] : undefined;
  return encoded ? decodeURIComponent(decodeURIComponent(encoded)) : null;
}

/**
 * The version a developer writes first: every activity the record takes part in, with its part
 * (activityparty) and owner, page after page with the paging cookie, then counting in the browser
 * (here: each kind in the last 60 days). No <order>: Dataverse pages by the primary key itself.
 */
async function downloadEverything(page: Page, activities: number): Promise<DownloadEverything> {
  page.webApi.reset();
  const started = performance.now();
  const rows: ComponentFramework.WebApi.Entity[] = [];
  let cookie: string | null = null;
  for (let number = 1; ; number++) {
    const answer = await page.webApi.retrieveMultipleRecords("activitypointer", "?fetchXml=" + encodeURIComponent(everyActivityXml(page.contact.id, number, cookie)));
    rows.push(...answer.entities);
    cookie = nextCookie(answer);
    if (!cookie) break;
  }
  const since = NOW.getTime() - 60 * DAY;
  const counted = new Map<string, Set<string>>();
  for (const row of rows) {
    const at = Date.parse(String(row.actualend ?? row.scheduledstart ?? row.createdon));
    if (at < since) continue;
    const kind = String(row.activitytypecode);
    counted.set(kind, (counted.get(kind) ?? new Set()).add(String(row.activityid)));
  }
  const ms = performance.now() - started;
  const countedInWindow = [...counted.values()].reduce((sum, ids) => sum + ids.size, 0);
  return { activities, rows: rows.length, countedInWindow, ...trafficOf(page.webApi.log, ERROR_CODES.aggregateLimit), ms, log: [...page.webApi.log] };
}

export async function measureLoadCost(progress: (line: string) => void = () => undefined): Promise<LoadCostResults> {
  const forms: FormLoad[] = [];
  const downloads: DownloadEverything[] = [];
  let fallback: LoadCostResults["fallback"] | null = null;
  let ownWindow: LoadCostResults["ownWindow"] | null = null;
  for (const activities of SIZES) {
    progress(`  ${n(activities, 0)} activities: seeding…`);
    const page = seededPage(activities);
    progress(`  ${n(activities, 0)} activities: four widgets, cold and warm…`);
    forms.push(await coldAndWarm(page, activities, false));
    if (activities === SIZES[1]) {
      newPage();
      const adminWindow = (await loadForm(page, null)).timed;
      newPage();
      const own = (await loadForm(page, 30)).timed;
      ownWindow = { activities, adminWindowDays: DEFAULT_SETTINGS.analyticsWindowDays, cardWindowDays: 30, adminWindow, ownWindow: own };
    }
    if (activities === SIZES[SIZES.length - 1]) {
      progress(`  ${n(activities, 0)} activities: aggregate limit lowered to ${n(LOWERED_AGGREGATE_LIMIT, 0)} rows…`);
      page.org.standIn.setAggregateLimit(LOWERED_AGGREGATE_LIMIT);
      newPage();
      const atLoweredLimit = (await loadForm(page, null)).timed;
      page.org.standIn.setAggregateLimit(DEFAULT_AGGREGATE_LIMIT);
      const atDefaultLimit = forms[forms.length - 1].cold;
      fallback = { activities, loweredLimit: LOWERED_AGGREGATE_LIMIT, atDefaultLimit, atLoweredLimit };
    }
    progress(`  ${n(activities, 0)} activities: downloading every row…`);
    downloads.push(await downloadEverything(page, activities));
    configureMailboxRoles(page);
    progress(`  ${n(activities, 0)} activities: four widgets with mailbox roles…`);
    forms.push(await coldAndWarm(page, activities, true));
  }
  if (!fallback || !ownWindow) throw new Error("bench: sizes must include the fallback and own-window sizes");
  return { latencyMs: LATENCY_MS, forms, fallback, ownWindow, downloadEverything: downloads };
}

const n = (value: number, width: number) => value.toLocaleString("en-US").padStart(width);
const ms = (value: number, width: number) => n(Math.round(value), width);

export function loadCostTable(results: LoadCostResults): string[] {
  const lines: string[] = [];
  lines.push(`Four widgets on one contact (consent banner, health score, KPI card, who knows whom), loading together;`);
  lines.push(`stand-in latency ${results.latencyMs} ms per request. Cold = new page cache, warm = same page, second load.`);
  lines.push("");
  lines.push("mailbox roles  activities |  cold: requests  stages  KiB received  ready ms |  warm: requests  stages  KiB  ready ms | refused by aggregate limit | outcomes");
  for (const f of results.forms) {
    const outcomes = Object.values(f.outcomes).every((o) => o === "ready") ? "all ready" : Object.entries(f.outcomes).map(([w, o]) => `${w} ${o}`).join(", ");
    lines.push(
      `${(f.mailboxRoles ? "configured" : "none").padEnd(13)}  ${n(f.activities, 10)} | ${n(f.cold.requests, 15)} ${n(f.cold.stages, 7)} ${kib(f.cold.bytes).padStart(13)} ${ms(f.cold.ms, 9)} |` +
        ` ${n(f.warm.requests, 15)} ${n(f.warm.stages, 7)} ${kib(f.warm.bytes).padStart(4)} ${ms(f.warm.ms, 9)} | ${n(f.cold.refusedByAggregateLimit, 26)} | ${outcomes}`,
    );
  }
  for (const roles of [false, true]) {
    const series = results.forms.filter((f) => f.mailboxRoles === roles);
    const first = series[0];
    const last = series[series.length - 1];
    lines.push(
      `growth ${n(first.activities, 0)} → ${n(last.activities, 0)} activities (mailbox roles ${roles ? "configured" : "none"}), cold: requests ${growthFactor(first.cold.requests, last.cold.requests)},` +
        ` stages ${growthFactor(first.cold.stages, last.cold.stages)}, bytes ${growthFactor(first.cold.bytes, last.cold.bytes)}, time ${growthFactor(first.cold.ms, last.cold.ms)}`,
    );
  }
  const { fallback: fb, ownWindow: ow } = results;
  lines.push("");
  lines.push(
    `Aggregate-limit fallback at ${n(fb.activities, 0)} activities (cold), no mailbox roles: at the 50,000-row limit ${fb.atDefaultLimit.requests} requests in ${fb.atDefaultLimit.stages} stages` +
      ` (${fb.atDefaultLimit.refusedByAggregateLimit} refused); with the limit lowered to ${n(fb.loweredLimit, 0)} rows, so the windows hold more than it allows,` +
      ` ${fb.atLoweredLimit.requests} requests in ${fb.atLoweredLimit.stages} stages (${fb.atLoweredLimit.refusedByAggregateLimit} refused, then split), ${ms(fb.atLoweredLimit.ms, 0)} ms:` +
      ` the fallback costs ${fb.atLoweredLimit.requests - fb.atDefaultLimit.requests} requests and ${fb.atLoweredLimit.stages - fb.atDefaultLimit.stages} stages.`,
  );
  lines.push(
    `KPI card with its own window (${ow.cardWindowDays} days, the admin's is ${ow.adminWindowDays}) at ${n(ow.activities, 0)} activities (cold): ${ow.ownWindow.requests} requests in ${ow.ownWindow.stages} stages` +
      ` against ${ow.adminWindow.requests} in ${ow.adminWindow.stages}: ${ow.ownWindow.requests - ow.adminWindow.requests} extra requests.`,
  );
  lines.push("");
  lines.push("Download every activity row of the contact (activitypointer + its activityparty row, pages of 5,000 with the paging cookie) and count in the browser, beside our four widgets (cold, no mailbox roles):");
  lines.push("activities |  rows downloaded  requests  stages  KiB received   time ms | ours: requests  KiB  time ms | ratio requests  bytes   time");
  for (const d of results.downloadEverything) {
    const ours = results.forms.find((f) => f.activities === d.activities && !f.mailboxRoles)?.cold;
    if (!ours) continue;
    const ratio = (a: number, b: number) => (b === 0 ? "n/a" : `${(a / b).toFixed(1)}×`);
    lines.push(
      `${n(d.activities, 10)} | ${n(d.rows, 16)} ${n(d.requests, 9)} ${n(d.stages, 7)} ${kib(d.bytes).padStart(13)} ${ms(d.ms, 9)} |` +
        ` ${n(ours.requests, 14)} ${kib(ours.bytes).padStart(4)} ${ms(ours.ms, 8)} | ${ratio(d.requests, ours.requests).padStart(14)} ${ratio(d.bytes, ours.bytes).padStart(6)} ${ratio(d.ms, ours.ms).padStart(6)}`,
    );
  }
  return lines;
}

if (require.main === module) {
  measureLoadCost((line) => console.error(line))
    .then((results) => console.log(loadCostTable(results).join("\n")))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
