/**
 * The seeded organization behind the page: the stand-in, the record each switch names, the
 * consent state written into the settings variable, the faults, and the page's own changes
 * (saved settings, created emails) kept in localStorage and replayed after every reload.
 */
import { createStandIn, seedBigHistory, type DataverseStandIn, type DataverseStore, type SeededStories } from "../../dev";
import { DEFAULT_SETTINGS, parseSettings, serializeSettings } from "../../shared/analytics";
import { SETTINGS_VARIABLE } from "../../shared/libraryInfo";
import type { Settings } from "../../shared/model";
import type { ConsentChoice, PlaygroundOptions, RecordChoice } from "./options";

const DAY = 86_400_000;
const BIG_HISTORY_ACTIVITIES = 100_000;
/** Slow network: every answer waits this long. */
const SLOW_NETWORK_MS = 1500;
/** Throttling: this many requests in a row are refused, each asking to wait this long. */
const THROTTLED_REQUESTS = 3;
const RETRY_AFTER_SECONDS = 2;
const SERVER_ERRORS = 3;

export interface PlaygroundUser {
  id: string;
  name: string;
  roleIds: string[];
  isAdmin: boolean;
}

/** What a form tells a control about its record (mode.contextInfo). */
export interface FormRecord {
  entityTypeName: string;
  entityId: string;
  entityRecordName?: string;
}

export interface Organization {
  standIn: DataverseStandIn;
  store: DataverseStore;
  stories: SeededStories;
  users: Record<"seller" | "admin", PlaygroundUser>;
  form: FormRecord;
  /** Changes replayed from storage at load. */
  replayed: number;
}

interface JournalEntry {
  method: "createRecord" | "updateRecord" | "deleteRecord";
  entity: string;
  id?: string;
  data?: ComponentFramework.WebApi.Entity;
  /** What createRecord answered, to map later references when a replay hands out another id. */
  createdId?: string;
}

const journalKey = (seed: number) => `relint-playground:changes:${seed}`;

function readJournal(seed: number): JournalEntry[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(journalKey(seed)) ?? "[]");
    return Array.isArray(parsed) ? (parsed as JournalEntry[]) : [];
  } catch {
    return [];
  }
}

/** Forgets the page's changes: the next load is the seeded organization again. */
export function resetChanges(seed: number): void {
  localStorage.removeItem(journalKey(seed));
}

function consentSettings(choice: Exclude<ConsentChoice, "stored">, base: Settings, now: Date): Settings {
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const active = (activatedDaysAgo: number, grantedDaysAgo: number | null, geographySupported = true): Settings => ({
    ...base,
    enabled: true,
    activatedOn: ago(activatedDaysAgo),
    consent: { grantedOn: grantedDaysAgo === null ? null : ago(grantedDaysAgo) },
    geographySupported,
  });
  switch (choice) {
    case "notActivated":
      return { ...base, enabled: false, activatedOn: null, consent: { grantedOn: null } };
    case "pendingDay3":
      return active(3, null);
    case "pendingDay13":
      return active(13, null);
    case "lapsed":
      return active(20, null);
    case "granted":
      return active(20, 18);
    case "unsupportedGeography":
      return active(20, 18, false);
  }
}

/** Writes the consent switch into the stored settings value, keeping everything else the page saved. */
function applyConsent(store: DataverseStore, choice: ConsentChoice, now: Date): void {
  if (choice === "stored") return;
  for (const row of [...store.scan("environmentvariablevalue")]) {
    if (String(row.schemaname).toLowerCase() !== SETTINGS_VARIABLE.toLowerCase()) continue;
    const current = parseSettings(typeof row.value === "string" ? row.value : null).settings;
    store.update("environmentvariablevalue", row.environmentvariablevalueid as string, {
      value: serializeSettings(consentSettings(choice, current, now)),
    });
  }
}

/** Replays stored changes in order; ids a create hands out differently are mapped in later entries. */
async function replay(standIn: DataverseStandIn, journal: JournalEntry[]): Promise<number> {
  const ids = new Map<string, string>();
  const mapped = <T>(value: T): T => {
    if (ids.size === 0 || value === undefined) return value;
    let text = JSON.stringify(value);
    for (const [from, to] of ids) text = text.split(from).join(to);
    return JSON.parse(text) as T;
  };
  let applied = 0;
  for (const entry of journal) {
    try {
      if (entry.method === "createRecord") {
        const created = await standIn.createRecord(entry.entity, mapped(entry.data) ?? {});
        if (entry.createdId && created.id !== entry.createdId) ids.set(entry.createdId, created.id);
      } else if (entry.method === "updateRecord") {
        await standIn.updateRecord(entry.entity, mapped(entry.id) ?? "", mapped(entry.data) ?? {});
      } else {
        await standIn.deleteRecord(entry.entity, mapped(entry.id) ?? "");
      }
      applied++;
    } catch (error) {
      console.warn(`Playground: a stored change no longer applies (${entry.method} ${entry.entity})`, error);
    }
  }
  return applied;
}

/** Keeps every successful write of the page, so it survives a reload. */
function journalWrites(standIn: DataverseStandIn, seed: number): void {
  const append = (entry: JournalEntry) => {
    const journal = readJournal(seed);
    journal.push(entry);
    localStorage.setItem(journalKey(seed), JSON.stringify(journal));
  };
  const create = standIn.createRecord.bind(standIn);
  const update = standIn.updateRecord.bind(standIn);
  const remove = standIn.deleteRecord.bind(standIn);
  standIn.createRecord = async (entity, data) => {
    const created = await create(entity, data);
    append({ method: "createRecord", entity, data, createdId: created.id });
    return created;
  };
  standIn.updateRecord = async (entity, id, data) => {
    const updated = await update(entity, id, data);
    append({ method: "updateRecord", entity, id, data });
    return updated;
  };
  standIn.deleteRecord = async (entity, id) => {
    const deleted = await remove(entity, id);
    append({ method: "deleteRecord", entity, id });
    return deleted;
  };
}

function userOf(stories: SeededStories, id: string): PlaygroundUser {
  const user = stories.users.find((candidate) => candidate.id === id);
  return {
    id,
    name: user?.fullName ?? id,
    roleIds: (user?.roles ?? []).map((role) => stories.roles[role]),
    isAdmin: id === stories.adminUserId,
  };
}

function recordName(store: DataverseStore, type: string, id: string): string | undefined {
  const row = store.get(type, id);
  const name = row?.fullname ?? row?.name;
  return typeof name === "string" ? name : undefined;
}

/** The form's record for a record switch; the 100,000-activity contact is seeded only when asked for. */
function formRecord(choice: RecordChoice, store: DataverseStore, stories: SeededStories, now: Date, seed: number): FormRecord {
  const of = (type: string, id: string): FormRecord => ({ entityTypeName: type, entityId: id, entityRecordName: recordName(store, type, id) });
  switch (choice) {
    case "unsaved":
      return { entityTypeName: "contact", entityId: "" };
    case "unsupportedTable":
      return { entityTypeName: "incident", entityId: "5d2a3b9e-8c1f-4e6a-9b7d-0a1b2c3d4e5f", entityRecordName: "Printer on floor 3 is jammed" };
    case "bigHistory": {
      const userIds = [stories.currentUserId, ...stories.users.filter((user) => user.id !== stories.currentUserId).slice(0, 3).map((user) => user.id)];
      const big = seedBigHistory(store, { now, seed, activities: BIG_HISTORY_ACTIVITIES, userIds });
      return of(big.contact.type, big.contact.id);
    }
    case "introducerTarget":
    case "respondBoth":
    case "meetingRules":
    case "opportunityFull":
    case "leadWithStakeholders":
    case "secondDegree":
      return of(stories[choice].record.type, stories[choice].record.id);
    default: {
      const record = stories[choice];
      return of(record.type, record.id);
    }
  }
}

function applyFaults(standIn: DataverseStandIn, options: PlaygroundOptions): void {
  for (const fault of options.faults) {
    if (fault === "throttling") standIn.faults.throttle(THROTTLED_REQUESTS, RETRY_AFTER_SECONDS);
    if (fault === "slowNetwork") standIn.setLatency(SLOW_NETWORK_MS);
    if (fault === "offline") standIn.faults.offline(true);
    if (fault === "serverError") standIn.faults.serverError(SERVER_ERRORS);
  }
  for (const table of options.deniedTables) standIn.faults.denyTable(table);
}

export async function createOrganization(options: PlaygroundOptions, now: Date): Promise<Organization> {
  // Seeded pending consent, day 3: what an admin sees right after activating.
  const seeded: Settings = { ...DEFAULT_SETTINGS, enabled: true, activatedOn: new Date(now.getTime() - 3 * DAY).toISOString() };
  const { standIn, store, stories } = createStandIn({
    now,
    seed: options.seed,
    settings: { schemaName: SETTINGS_VARIABLE, value: serializeSettings(seeded) },
  });
  const replayed = await replay(standIn, readJournal(options.seed));
  applyConsent(store, options.consent, now);
  const form = formRecord(options.record, store, stories, now, options.seed);
  standIn.resetLog();
  journalWrites(standIn, options.seed);
  applyFaults(standIn, options);
  return {
    standIn,
    store,
    stories,
    users: { seller: userOf(stories, stories.currentUserId), admin: userOf(stories, stories.adminUserId) },
    form,
    replayed,
  };
}
