/**
 * What each widget loads: composed from access (settings, consent, scope), the interaction
 * reader and the pure analytics. Outcomes that are not data (unsaved record, feature off) are
 * LoadResults; failures are thrown as DataError for the view to show.
 */
import { computeHealthScore, computeKpis, rankIntroducers, windowEnding } from "../analytics";
import { DataError } from "../errors";
import type {
  ConsentView,
  EffectiveFeatures,
  HealthScore,
  Introducer,
  IntroducerList,
  KpiSet,
  LoadResult,
  RecordRef,
  RecordTarget,
  RecordType,
} from "../model";
import { parseColleagues, parseIntroducers } from "../parsing";
import { assertGuid, assertRecord, introducersQuery, usersQuery } from "../queries";
import { fetchAcrossWindow } from "../transport/split";
import { isSystemAdministrator, readAccess } from "./access";
import { asOf, readInteractionPair } from "./interactions";
import type { DataServices } from "./services";

type Feature = keyof EffectiveFeatures["offReasons"];

/** A record must exist and be of a type the widget serves before anything is read. */
function recordOf(target: RecordTarget, served: readonly RecordType[]): LoadResult<never> | RecordRef {
  if (target.kind === "none") return { kind: "noRecord" };
  const type = target.kind === "record" ? target.record.type : target.type;
  if (!served.includes(type)) return { kind: "unsupportedRecordType", type };
  if (target.kind === "unsaved") return { kind: "unsaved" };
  return target.record;
}

/** The admin's switches and the consent clock decide whether the feature runs at all. */
function featureOff(effective: EffectiveFeatures, feature: Feature): LoadResult<never> | null {
  const reason = effective.offReasons[feature];
  return !effective[feature] && reason ? { kind: "featureOff", reason } : null;
}

const PRIMARY_KEY: Record<RecordType, string> = { lead: "leadid", contact: "contactid", account: "accountid", opportunity: "opportunityid" };

interface RecordFacts {
  statecode: number;
  createdOn: Date | null;
}

/** State and age of the record: decide Not applicable and Not enough info. A missing record is notFound. */
async function readRecordFacts(services: DataServices, record: RecordRef): Promise<RecordFacts> {
  const { type, id } = assertRecord(record);
  const rows = await services.client.query(type, `?$select=statecode,createdon&$filter=${PRIMARY_KEY[type]} eq ${id}`);
  const row = rows[0];
  if (!row) throw new DataError("notFound", `No ${type} with that id`, { table: type });
  const created = typeof row.createdon === "string" ? new Date(row.createdon) : null;
  return {
    statecode: typeof row.statecode === "number" ? row.statecode : 0,
    createdOn: created && !Number.isNaN(created.getTime()) ? created : null,
  };
}

const SCORED: readonly RecordType[] = ["lead", "contact", "account", "opportunity"];
const INTRODUCED: readonly RecordType[] = ["lead", "contact"];
/** Who knows whom looks back further than analytics: acquaintance outlives a 60-day window. */
const INTRODUCER_LOOKBACK_DAYS = 365;

export async function loadHealthScore(services: DataServices, target: RecordTarget): Promise<LoadResult<HealthScore>> {
  const record = recordOf(target, SCORED);
  if (!("id" in record)) return record;
  const access = await readAccess(services);
  const off = featureOff(access.effective, "healthScore");
  if (off) return off;
  const [facts, pair] = await Promise.all([
    readRecordFacts(services, record),
    readInteractionPair(services, record, access.settings.analyticsWindowDays, access.scope),
  ]);
  const data = computeHealthScore({
    record,
    recordState: { statecode: facts.statecode },
    createdOn: facts.createdOn,
    current: pair.current,
    previous: pair.previous,
    settings: access.settings.healthScore,
    now: asOf(services),
    timeZoneOffsetMinutes: services.timeZoneOffsetMinutes,
  });
  return { kind: "ready", data };
}

/** `windowDays` null follows the admin's analytics period. */
export async function loadKpis(services: DataServices, target: RecordTarget, windowDays: number | null): Promise<LoadResult<KpiSet>> {
  const record = recordOf(target, SCORED);
  if (!("id" in record)) return record;
  const access = await readAccess(services);
  const off = featureOff(access.effective, "analytics");
  if (off) return off;
  const days = windowDays ?? access.settings.analyticsWindowDays;
  const pair = await readInteractionPair(services, record, days, access.scope);
  const data = computeKpis(pair.current, asOf(services), { windowDays: days, timeZoneOffsetMinutes: services.timeZoneOffsetMinutes });
  return { kind: "ready", data };
}

export async function loadIntroducers(services: DataServices, target: RecordTarget, count: number): Promise<LoadResult<IntroducerList>> {
  const record = recordOf(target, INTRODUCED);
  if (!("id" in record)) return record;
  const access = await readAccess(services);
  const off = featureOff(access.effective, "whoKnowsWhom");
  if (off) return off;
  const now = asOf(services);
  const window = windowEnding(now, INTRODUCER_LOOKBACK_DAYS);
  const parts = await fetchAcrossWindow(services.client, (w) => introducersQuery(record, w, access.scope), window);
  // Rows of different sub-windows for the same colleague add up in the ranking's evidence.
  const rows = parts.flatMap((part) => parseIntroducers(part).items);
  const options = {
    now,
    currentUserId: services.userId,
    excludedUserIds: access.settings.optedOutUserIds,
    count: Math.min(count, access.settings.introducerCount),
  };
  // Rank on the evidence alone first, so only the names of those shown are read, however many colleagues there are.
  const unnamed = [...new Set(rows.map((row) => row.userId))].map((id) => ({ id, fullName: "", title: null, email: null }));
  const provisional = rankIntroducers(rows, unnamed, options);
  const shown = [...provisional.introducers, ...(provisional.you ? [provisional.you] : [])].map((i) => i.userId);
  const colleagues = shown.length === 0 ? [] : parseColleagues(await services.client.fetch(usersQuery(shown))).items;
  const ranked = rankIntroducers(rows, colleagues, options);
  const mailboxNote = access.effective.mailboxData && access.settings.mailboxRoleIds.length === 0 ? "noRolesSelected" : null;
  return { kind: "ready", data: { ...ranked, mailboxNote } };
}

export async function loadConsentView(services: DataServices): Promise<LoadResult<ConsentView>> {
  const [access, isAdmin] = await Promise.all([readAccess(services), isSystemAdministrator(services)]);
  return { kind: "ready", data: { consent: access.consent, effective: access.effective, isAdmin } };
}

export interface IntroductionText {
  subject: string;
  /** Plain text; turned into the email's HTML body with every character escaped. */
  body: string;
}

const ENTITY_SET: Record<RecordType, string> = { lead: "leads", contact: "contacts", account: "accounts", opportunity: "opportunities" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\r?\n/g, "<br>");
}

/**
 * Creates a draft email from the user to the colleague, regarding the record, and returns its id
 * for the host to open. Nothing is sent: the user reviews and sends it from the email form.
 */
export async function requestIntroduction(services: DataServices, record: RecordRef, introducer: Introducer, text: IntroductionText): Promise<string> {
  const { type, id } = assertRecord(record);
  const colleague = assertGuid(introducer.userId, "colleague id");
  const me = assertGuid(services.userId, "user id");
  return services.client.create("email", {
    subject: text.subject,
    description: escapeHtml(text.body),
    directioncode: true,
    [`regardingobjectid_${type}@odata.bind`]: `/${ENTITY_SET[type]}(${id})`,
    email_activity_parties: [
      { "partyid_systemuser@odata.bind": `/systemusers(${me})`, participationtypemask: 1 },
      { "partyid_systemuser@odata.bind": `/systemusers(${colleague})`, participationtypemask: 2 },
    ],
  });
}
