/**
 * Relationship intelligence settings, stored as JSON in an environment variable. Reading is tolerant:
 * a bad part falls back to its default and is reported, so one typo never switches everything off.
 */
import {
  ACTIVITY_KINDS,
  ActivityWeights,
  CommunicationFrequency,
  GradeBoundaries,
  MessageRef,
  Settings,
  SettingsResult,
} from "../model";
import { isCanonicalGuid, normalizeGuid } from "./ids";
import { parseIsoInstant } from "./time";

export const SETTINGS_SCHEMA_VERSION = 1;

export const COMMUNICATION_FREQUENCIES: readonly CommunicationFrequency[] = ["daily", "weekly", "biweekly", "monthly"];
export const ANALYTICS_WINDOWS: readonly Settings["analyticsWindowDays"][] = [30, 60, 90];
export const WEIGHT_RANGE = { min: 0.5, max: 1.5 } as const;
export const INTRODUCER_COUNT_RANGE = { min: 1, max: 10 } as const;

/** Every problem key parseSettings and validateSettings can report, for the resx. */
export const SETTINGS_PROBLEM_KEYS = [
  "settings.invalidJson",
  "settings.notAnObject",
  "settings.unsupportedSchemaVersion",
  "settings.unknownField",
  "settings.invalidValue",
  "settings.invalidDate",
  "settings.invalidWeight",
  "settings.invalidBoundaries",
  "settings.invalidFrequency",
  "settings.invalidWindow",
  "settings.invalidIntroducerCount",
  "settings.invalidRoleId",
  "settings.invalidUserId",
  "settings.duplicateId",
  "settings.invalidTemplateId",
  "settings.missingActivationDate",
] as const;
export type SettingsProblemKey = (typeof SETTINGS_PROBLEM_KEYS)[number];

function defaultSettings(): Settings {
  return {
    enabled: false,
    activatedOn: null,
    // Turning the feature on enables everything by default; nothing runs while `enabled` is false.
    features: { analytics: true, healthScore: true, whoKnowsWhom: true, mailboxData: true },
    mailboxRoleIds: [],
    optedOutUserIds: [],
    consent: { grantedOn: null },
    geographySupported: true,
    healthScore: {
      boundaries: { good: 60, fair: 40 },
      weights: { email: 1, appointment: 1, phonecall: 1, task: 1 },
      expectedFrequency: "weekly",
    },
    analyticsWindowDays: 60,
    introducerCount: 5,
    introductionTemplateId: null,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_SETTINGS: Settings = deepFreeze(defaultSettings());

type Mode = "tolerant" | "strict";
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Shows an offending value to the admin without flooding the message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

class Reader {
  readonly problems: MessageRef[] = [];
  constructor(readonly mode: Mode) {}

  report(key: SettingsProblemKey, params?: Record<string, string | number>): void {
    this.problems.push(params ? { key, params } : { key });
  }

  /** A nested object; reports and returns {} when it is something else. */
  object(parent: Json, name: string, path: string, known: readonly string[]): Json {
    const value = parent[name];
    if (value === undefined) return {};
    if (!isRecord(value)) {
      this.report("settings.invalidValue", { field: path });
      return {};
    }
    this.unknownFields(value, path, known);
    return value;
  }

  unknownFields(value: Json, path: string, known: readonly string[]): void {
    for (const field of Object.keys(value)) {
      if (!known.includes(field)) this.report("settings.unknownField", { field: path ? `${path}.${field}` : field });
    }
  }

  boolean(parent: Json, name: string, path: string, fallback: boolean): boolean {
    const value = parent[name];
    if (value === undefined) return fallback;
    if (typeof value === "boolean") return value;
    this.report("settings.invalidValue", { field: path });
    return fallback;
  }

  /** An ISO instant, normalized to toISOString() so stored values compare as text. */
  date(parent: Json, name: string, path: string): string | null {
    const value = parent[name];
    if (value === undefined || value === null) return null;
    const date = typeof value === "string" ? parseIsoInstant(value) : null;
    if (date) return date.toISOString();
    this.report("settings.invalidDate", { field: path, value: shown(value) });
    return null;
  }

  /** A list of GUIDs: bad entries are dropped one by one, the good ones kept. */
  guids(parent: Json, name: string, invalidKey: SettingsProblemKey): string[] {
    const value = parent[name];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.report("settings.invalidValue", { field: name });
      return [];
    }
    const ids: string[] = [];
    for (const entry of value) {
      const id = this.guid(entry);
      if (id === null) this.report(invalidKey, { value: shown(entry) });
      else if (ids.includes(id)) this.report("settings.duplicateId", { field: name, value: id });
      else ids.push(id);
    }
    return ids;
  }

  /** Tolerant reading accepts braces and upper case; strict checking wants what we store. */
  guid(value: unknown): string | null {
    if (typeof value !== "string") return null;
    if (this.mode === "strict") return isCanonicalGuid(value) ? value : null;
    return normalizeGuid(value);
  }
}

function readWeights(reader: Reader, parent: Json): ActivityWeights {
  const raw = reader.object(parent, "weights", "healthScore.weights", ACTIVITY_KINDS);
  const weights = { ...DEFAULT_SETTINGS.healthScore.weights };
  for (const kind of ACTIVITY_KINDS) {
    const value = raw[kind];
    if (value === undefined) continue;
    if (typeof value === "number" && value >= WEIGHT_RANGE.min && value <= WEIGHT_RANGE.max) weights[kind] = value;
    else reader.report("settings.invalidWeight", { kind, value: shown(value) });
  }
  return weights;
}

function readBoundaries(reader: Reader, parent: Json): GradeBoundaries {
  const raw = reader.object(parent, "boundaries", "healthScore.boundaries", ["good", "fair"]);
  const fallback = DEFAULT_SETTINGS.healthScore.boundaries;
  const good = raw.good ?? fallback.good;
  const fair = raw.fair ?? fallback.fair;
  // The pair is one part: moving one boundary past the other makes both meaningless.
  if (typeof good === "number" && typeof fair === "number" && fair > 0 && fair < good && good <= 100) return { good, fair };
  reader.report("settings.invalidBoundaries", { good: shown(good), fair: shown(fair) });
  return { ...fallback };
}

function readHealthScore(reader: Reader, root: Json): Settings["healthScore"] {
  const raw = reader.object(root, "healthScore", "healthScore", ["boundaries", "weights", "expectedFrequency"]);
  let expectedFrequency = DEFAULT_SETTINGS.healthScore.expectedFrequency;
  if (raw.expectedFrequency !== undefined) {
    const found = COMMUNICATION_FREQUENCIES.find((f) => f === raw.expectedFrequency);
    if (found) expectedFrequency = found;
    else reader.report("settings.invalidFrequency", { value: shown(raw.expectedFrequency) });
  }
  return { boundaries: readBoundaries(reader, raw), weights: readWeights(reader, raw), expectedFrequency };
}

const TOP_LEVEL_FIELDS = ["schemaVersion", ...Object.keys(DEFAULT_SETTINGS)];
const FEATURE_FIELDS = Object.keys(DEFAULT_SETTINGS.features) as (keyof Settings["features"])[];

function readSettings(root: Json, mode: Mode): { settings: Settings; problems: MessageRef[] } {
  const reader = new Reader(mode);
  reader.unknownFields(root, "", TOP_LEVEL_FIELDS);
  if (root.schemaVersion !== undefined && root.schemaVersion !== SETTINGS_SCHEMA_VERSION) {
    reader.report("settings.unsupportedSchemaVersion", { version: shown(root.schemaVersion) });
  }
  const settings = defaultSettings();

  settings.enabled = reader.boolean(root, "enabled", "enabled", settings.enabled);
  settings.activatedOn = reader.date(root, "activatedOn", "activatedOn");
  const features = reader.object(root, "features", "features", FEATURE_FIELDS);
  for (const name of FEATURE_FIELDS) {
    settings.features[name] = reader.boolean(features, name, `features.${name}`, settings.features[name]);
  }
  settings.mailboxRoleIds = reader.guids(root, "mailboxRoleIds", "settings.invalidRoleId");
  settings.optedOutUserIds = reader.guids(root, "optedOutUserIds", "settings.invalidUserId");
  const consent = reader.object(root, "consent", "consent", ["grantedOn"]);
  settings.consent.grantedOn = reader.date(consent, "grantedOn", "consent.grantedOn");
  settings.geographySupported = reader.boolean(root, "geographySupported", "geographySupported", settings.geographySupported);
  settings.healthScore = readHealthScore(reader, root);

  if (root.analyticsWindowDays !== undefined) {
    const found = ANALYTICS_WINDOWS.find((days) => days === root.analyticsWindowDays);
    if (found) settings.analyticsWindowDays = found;
    else reader.report("settings.invalidWindow", { value: shown(root.analyticsWindowDays) });
  }
  const count = root.introducerCount;
  if (count !== undefined) {
    if (Number.isInteger(count) && (count as number) >= INTRODUCER_COUNT_RANGE.min && (count as number) <= INTRODUCER_COUNT_RANGE.max) {
      settings.introducerCount = count as number;
    } else reader.report("settings.invalidIntroducerCount", { value: shown(count) });
  }
  const template = root.introductionTemplateId;
  if (template !== undefined && template !== null) {
    const id = reader.guid(template);
    if (id) settings.introductionTemplateId = id;
    else reader.report("settings.invalidTemplateId", { value: shown(template) });
  }

  // Without an activation date the 14-day consent clock cannot run; mailbox data must not flow
  // unchecked, so the activation itself is the part that falls back.
  if (settings.enabled && settings.activatedOn === null && settings.consent.grantedOn === null) {
    reader.report("settings.missingActivationDate");
    if (mode === "tolerant") settings.enabled = false;
  }
  return { settings, problems: reader.problems };
}

/** Reads the stored JSON. Never throws: whatever is wrong is a problem, and its part takes the default. */
export function parseSettings(json: string | null | undefined): SettingsResult {
  if (json === null || json === undefined || json.trim() === "") {
    return { settings: defaultSettings(), problems: [], source: "none" };
  }
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return { settings: defaultSettings(), problems: [{ key: "settings.invalidJson" }], source: "value" };
  }
  if (!isRecord(root)) return { settings: defaultSettings(), problems: [{ key: "settings.notAnObject" }], source: "value" };
  return { ...readSettings(root, "tolerant"), source: "value" };
}

/** Strict check for the admin page before saving: every problem, nothing repaired. */
export function validateSettings(settings: Settings): MessageRef[] {
  return readSettings(settings as unknown as Json, "strict").problems;
}

/** The stored form: fixed key order, so saving unchanged settings writes identical text. */
export function serializeSettings(settings: Settings): string {
  const { boundaries, weights, expectedFrequency } = settings.healthScore;
  const ordered = {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    enabled: settings.enabled,
    activatedOn: settings.activatedOn,
    features: Object.fromEntries(FEATURE_FIELDS.map((name) => [name, settings.features[name]])),
    mailboxRoleIds: settings.mailboxRoleIds,
    optedOutUserIds: settings.optedOutUserIds,
    consent: { grantedOn: settings.consent.grantedOn },
    geographySupported: settings.geographySupported,
    healthScore: {
      boundaries: { good: boundaries.good, fair: boundaries.fair },
      weights: Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, weights[kind]])),
      expectedFrequency,
    },
    analyticsWindowDays: settings.analyticsWindowDays,
    introducerCount: settings.introducerCount,
    introductionTemplateId: settings.introductionTemplateId,
  };
  return JSON.stringify(ordered, null, 2);
}
