/**
 * What each widget loads: composed from access (settings, consent, scope), the interaction
 * reader and the pure analytics. Outcomes that are not data (unsaved record, feature off) are
 * LoadResults; failures are thrown as DataError for the view to show.
 */
import { computeKpis, consentNeedsAdmin, rankIntroducers, rankPaths, windowEnding } from "../analytics";
import { isDataError } from "../errors";
import type {
  ConsentView,
  DateWindow,
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
import { parseCoworkerLinks, parseCoworkerStanding, parseIntroducers } from "../parsing";
import { assertGuid, assertRecord, coworkerLinksQuery, coworkerStandingQuery, introducersQuery, type FetchQuery, type QueryScope } from "../queries";
import type { Row } from "../transport/client";
import { fetchAcrossWindow } from "../transport/split";
import { isSystemAdministrator, readAccess } from "./access";
import { scoreRecord } from "./healthList";
import { asOf, readInteractions, readRecordFacts, windowPair } from "./interactions";
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

/**
 * Settings and the record's own facts in parallel (the first round trip); the feature check decides
 * before anything about the record is used. A facts failure of a switched-off feature is never shown.
 */
async function accessAndFacts(services: DataServices, record: RecordRef, feature: Feature) {
  const facts = readRecordFacts(services, record);
  facts.catch(() => undefined);
  const access = await readAccess(services);
  const off = featureOff(access.effective, feature);
  if (off) return { off } as const;
  const known = await facts;
  return { off: null, access, facts: known, scope: { ...access.scope, people: known.people } } as const;
}

const SCORED: readonly RecordType[] = ["lead", "contact", "account", "opportunity"];
const INTRODUCED: readonly RecordType[] = ["lead", "contact"];
/** Who knows whom looks back further than analytics: acquaintance outlives a 60-day window. */
const INTRODUCER_LOOKBACK_DAYS = 365;

export async function loadHealthScore(services: DataServices, target: RecordTarget): Promise<LoadResult<HealthScore>> {
  const record = recordOf(target, SCORED);
  if (!("id" in record)) return record;
  const known = await accessAndFacts(services, record, "healthScore");
  if (known.off) return known.off;
  const data = await scoreRecord(services, known.access, record, known.facts);
  return { kind: "ready", data };
}

/** `windowDays` null follows the admin's analytics period. */
export async function loadKpis(services: DataServices, target: RecordTarget, windowDays: number | null): Promise<LoadResult<KpiSet>> {
  const record = recordOf(target, SCORED);
  if (!("id" in record)) return record;
  const known = await accessAndFacts(services, record, "analytics");
  if (known.off) return known.off;
  const days = windowDays ?? known.access.settings.analyticsWindowDays;
  const pair = windowPair(services, await readInteractions(services, record, known.scope), days, null);
  const data = computeKpis(pair.current, asOf(services), { windowDays: days, utcOffsetAt: services.utcOffsetAt });
  return { kind: "ready", data };
}

export async function loadIntroducers(services: DataServices, target: RecordTarget, count: number): Promise<LoadResult<IntroducerList>> {
  const record = recordOf(target, INTRODUCED);
  if (!("id" in record)) return record;
  const known = await accessAndFacts(services, record, "whoKnowsWhom");
  if (known.off) return known.off;
  const { access, facts } = known;
  const now = asOf(services);
  const window = windowEnding(now, INTRODUCER_LOOKBACK_DAYS);
  const options = {
    now,
    currentUserId: services.userId,
    excludedUserIds: access.settings.optedOutUserIds,
    count: Math.min(count, access.settings.introducerCount),
  };
  const [rows, paths] = await Promise.all([
    fetchAcrossWindow(services.client, (w) => introducersQuery(record, w, access.scope), window, services.utcOffsetAt).then((parts) =>
      // Rows of different sub-windows for the same colleague add up in the ranking's evidence.
      parts.flatMap((part) => parseIntroducers(part).items),
    ),
    facts.accountId === null ? Promise.resolve(null) : readPaths(services, record, facts.accountId, window, access.scope),
  ]);
  const colleagues = [...new Map(rows.map((row) => [row.colleague.id, row.colleague])).values()];
  const ranked = rankIntroducers(rows, colleagues, options);
  const firstDegreeIds = [...ranked.introducers, ...(ranked.you ? [ranked.you] : [])].map((i) => i.userId);
  const second = paths?.read ? rankPaths(paths.read.links, paths.read.standing, { ...options, firstDegreeIds }) : { paths: [], yourPaths: [] };
  const pathsNote = paths?.failed ?? null;
  const mailboxNote = access.effective.mailboxData && access.settings.mailboxRoleIds.length === 0 ? "noRolesSelected" : null;
  return { kind: "ready", data: { ...ranked, ...second, pathsNote, mailboxNote } };
}

/** Both links of every second-degree path; a failure here leaves first-degree introducers standing. */
async function readPaths(services: DataServices, record: RecordRef, accountId: string, window: DateWindow, scope: QueryScope) {
  const read = async <T>(build: (w: DateWindow) => FetchQuery, parse: (rows: Row[]) => { items: T[] }) =>
    (await fetchAcrossWindow(services.client, build, window, services.utcOffsetAt)).flatMap((part) => parse(part).items);
  try {
    const [links, standing] = await Promise.all([
      read((w) => coworkerLinksQuery(record, accountId, w, scope), parseCoworkerLinks),
      read((w) => coworkerStandingQuery(record, accountId, w, scope), parseCoworkerStanding),
    ]);
    return { read: { links, standing }, failed: null };
  } catch (error) {
    return { read: null, failed: isDataError(error) && error.kind === "aggregateLimit" ? ("tooManyToRead" as const) : ("failed" as const) };
  }
}

/**
 * The administrator check costs a request, so it runs only when the banner has something for an
 * administrator: turning relationship intelligence on, recording consent while it is pending or
 * lapsed, or confirming consent recorded in the last days.
 */
export async function loadConsentView(services: DataServices): Promise<LoadResult<ConsentView>> {
  const access = await readAccess(services);
  const isAdmin = consentNeedsAdmin(access.consent, services.now()) ? await isSystemAdministrator(services) : false;
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
    // The email table's single-valued navigation for Regarding is regardingobjectid_<table>_email.
    [`regardingobjectid_${type}_email@odata.bind`]: `/${ENTITY_SET[type]}(${id})`,
    email_activity_parties: [
      { "partyid_systemuser@odata.bind": `/systemusers(${me})`, participationtypemask: 1 },
      { "partyid_systemuser@odata.bind": `/systemusers(${colleague})`, participationtypemask: 2 },
    ],
  });
}
