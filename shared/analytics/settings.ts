/**
 * Relationship intelligence settings, stored as JSON in an environment variable. Reading is tolerant:
 * a bad part falls back to its default and is reported, so one typo never switches everything off.
 */
import {
  ACTIVITY_KINDS,
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

export const DEFAULT_SETTINGS: Settings = deepFreeze({
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
});

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** A mutable copy. Copied, not written out again: the minifier would paste a literal into every caller. */
function defaultSettings(): Settings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Settings;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/*
 * The rules, once each: reading (readValues, every widget) takes what they accept and the default
 * for the rest; checking (problemsIn, only the admin page and the consent save) says what they refused.
 */

/** A nested part; anything but an object reads as empty. */
function part(parent: Json, name: string): Json {
  const value = parent[name];
  return isRecord(value) ? value : {};
}

/** An ISO instant, normalized to toISOString() so stored values compare as text; null when absent or invalid. */
function instant(value: unknown): string | null {
  return (typeof value === "string" && parseIsoInstant(value)?.toISOString()) || null;
}

/** Tolerant reading accepts braces and upper case; strict checking wants what we store. */
function guidOf(value: unknown, strict: boolean): string | null {
  if (typeof value !== "string") return null;
  if (strict) return isCanonicalGuid(value) ? value : null;
  return normalizeGuid(value);
}

const isWeight = (value: unknown): value is number => typeof value === "number" && value >= WEIGHT_RANGE.min && value <= WEIGHT_RANGE.max;
const frequencyOf = (value: unknown) => COMMUNICATION_FREQUENCIES.find((f) => f === value);
const windowOf = (value: unknown) => ANALYTICS_WINDOWS.find((days) => days === value);
const isIntroducerCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= INTRODUCER_COUNT_RANGE.min && (value as number) <= INTRODUCER_COUNT_RANGE.max;

/** The pair is one part: moving one boundary past the other makes both meaningless. */
function boundaryPair(raw: Json): { good: unknown; fair: unknown; valid: GradeBoundaries | null } {
  const fallback = DEFAULT_SETTINGS.healthScore.boundaries;
  const good = raw.good ?? fallback.good;
  const fair = raw.fair ?? fallback.fair;
  const valid = typeof good === "number" && typeof fair === "number" && fair > 0 && fair < good && good <= 100 ? { good, fair } : null;
  return { good, fair, valid };
}

/** A list of GUIDs, each once, in their first order; whatever is not one is left out. */
function guidList(value: unknown, strict: boolean): string[] {
  const ids: string[] = [];
  if (!Array.isArray(value)) return ids;
  for (const entry of value) {
    const id = guidOf(entry, strict);
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * Without an activation date the 14-day consent clock cannot run; mailbox data must not flow
 * unchecked, so the activation itself is the part that falls back.
 */
function lacksActivationDate(enabled: boolean, root: Json): boolean {
  return enabled && instant(root.activatedOn) === null && instant(part(root, "consent").grantedOn) === null;
}

const FEATURE_FIELDS = Object.keys(DEFAULT_SETTINGS.features) as (keyof Settings["features"])[];

function readValues(root: Json): Settings {
  const settings = defaultSettings();
  const flag = (value: unknown, fallback: boolean) => (typeof value === "boolean" ? value : fallback);
  settings.enabled = flag(root.enabled, false) && !lacksActivationDate(true, root);
  settings.activatedOn = instant(root.activatedOn);
  const features = part(root, "features");
  for (const name of FEATURE_FIELDS) settings.features[name] = flag(features[name], settings.features[name]);
  settings.mailboxRoleIds = guidList(root.mailboxRoleIds, false);
  settings.optedOutUserIds = guidList(root.optedOutUserIds, false);
  settings.consent.grantedOn = instant(part(root, "consent").grantedOn);
  settings.geographySupported = flag(root.geographySupported, settings.geographySupported);
  const health = part(root, "healthScore");
  const weights = part(health, "weights");
  for (const kind of ACTIVITY_KINDS) if (isWeight(weights[kind])) settings.healthScore.weights[kind] = weights[kind];
  settings.healthScore.boundaries = boundaryPair(part(health, "boundaries")).valid ?? settings.healthScore.boundaries;
  settings.healthScore.expectedFrequency = frequencyOf(health.expectedFrequency) ?? settings.healthScore.expectedFrequency;
  settings.analyticsWindowDays = windowOf(root.analyticsWindowDays) ?? settings.analyticsWindowDays;
  if (isIntroducerCount(root.introducerCount)) settings.introducerCount = root.introducerCount;
  settings.introductionTemplateId = guidOf(root.introductionTemplateId, false);
  return settings;
}

function storedObject(json: string | null | undefined): { root: Json | null; problem?: SettingsProblemKey; source: SettingsResult["source"] } {
  if (json === null || json === undefined || json.trim() === "") return { root: null, source: "none" };
  let root: unknown;
  try {
    root = JSON.parse(json);
  } catch {
    return { root: null, problem: "settings.invalidJson", source: "value" };
  }
  return isRecord(root) ? { root, source: "value" } : { root: null, problem: "settings.notAnObject", source: "value" };
}

/** The settings a widget runs with: whatever is wrong in the stored JSON takes its default. Never throws. */
export function readSettingsValue(json: string | null | undefined): Settings {
  const { root } = storedObject(json);
  return root ? readValues(root) : defaultSettings();
}

/** Shows an offending value to the admin without flooding the message. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Every rule readValues applies, as the problems it found, in the order of the stored fields. */
function problemsIn(root: Json, strict: boolean): MessageRef[] {
  const problems: MessageRef[] = [];
  const report = (key: SettingsProblemKey, params?: Record<string, string | number>) => void problems.push(params ? { key, params } : { key });
  const unknownFields = (value: Json, path: string, known: readonly string[]) => {
    for (const field of Object.keys(value)) {
      if (!known.includes(field)) report("settings.unknownField", { field: path ? `${path}.${field}` : field });
    }
  };
  const object = (parent: Json, name: string, path: string, known: readonly string[]): Json => {
    const value = parent[name];
    if (value !== undefined && !isRecord(value)) report("settings.invalidValue", { field: path });
    else if (value !== undefined) unknownFields(value, path, known);
    return part(parent, name);
  };
  const flag = (parent: Json, name: string, path: string) => {
    const value = parent[name];
    if (value !== undefined && typeof value !== "boolean") report("settings.invalidValue", { field: path });
  };
  const date = (parent: Json, name: string, path: string) => {
    const value = parent[name];
    if (value !== undefined && value !== null && instant(value) === null) report("settings.invalidDate", { field: path, value: shown(value) });
  };
  const guids = (name: string, invalidKey: SettingsProblemKey) => {
    const value = root[name];
    if (value !== undefined && !Array.isArray(value)) report("settings.invalidValue", { field: name });
    if (!Array.isArray(value)) return;
    const ids: string[] = [];
    for (const entry of value) {
      const id = guidOf(entry, strict);
      if (id === null) report(invalidKey, { value: shown(entry) });
      else if (ids.includes(id)) report("settings.duplicateId", { field: name, value: id });
      else ids.push(id);
    }
  };

  unknownFields(root, "", ["schemaVersion", ...Object.keys(DEFAULT_SETTINGS)]);
  if (root.schemaVersion !== undefined && root.schemaVersion !== SETTINGS_SCHEMA_VERSION) {
    report("settings.unsupportedSchemaVersion", { version: shown(root.schemaVersion) });
  }
  flag(root, "enabled", "enabled");
  date(root, "activatedOn", "activatedOn");
  const features = object(root, "features", "features", FEATURE_FIELDS);
  for (const name of FEATURE_FIELDS) flag(features, name, `features.${name}`);
  guids("mailboxRoleIds", "settings.invalidRoleId");
  guids("optedOutUserIds", "settings.invalidUserId");
  date(object(root, "consent", "consent", ["grantedOn"]), "grantedOn", "consent.grantedOn");
  flag(root, "geographySupported", "geographySupported");

  const health = object(root, "healthScore", "healthScore", ["boundaries", "weights", "expectedFrequency"]);
  if (health.expectedFrequency !== undefined && !frequencyOf(health.expectedFrequency)) {
    report("settings.invalidFrequency", { value: shown(health.expectedFrequency) });
  }
  const pair = boundaryPair(object(health, "boundaries", "healthScore.boundaries", ["good", "fair"]));
  if (!pair.valid) report("settings.invalidBoundaries", { good: shown(pair.good), fair: shown(pair.fair) });
  const weights = object(health, "weights", "healthScore.weights", ACTIVITY_KINDS);
  for (const kind of ACTIVITY_KINDS) {
    if (weights[kind] !== undefined && !isWeight(weights[kind])) report("settings.invalidWeight", { kind, value: shown(weights[kind]) });
  }

  if (root.analyticsWindowDays !== undefined && !windowOf(root.analyticsWindowDays)) {
    report("settings.invalidWindow", { value: shown(root.analyticsWindowDays) });
  }
  if (root.introducerCount !== undefined && !isIntroducerCount(root.introducerCount)) {
    report("settings.invalidIntroducerCount", { value: shown(root.introducerCount) });
  }
  const template = root.introductionTemplateId;
  if (template !== undefined && template !== null && !guidOf(template, strict)) report("settings.invalidTemplateId", { value: shown(template) });
  if (lacksActivationDate(root.enabled === true, root)) report("settings.missingActivationDate");
  return problems;
}

/** Reads the stored JSON for the admin page: the settings and everything wrong with them. Never throws. */
export function parseSettings(json: string | null | undefined): SettingsResult {
  const { root, problem, source } = storedObject(json);
  if (!root) return { settings: defaultSettings(), problems: problem ? [{ key: problem }] : [], source };
  return { settings: readValues(root), problems: problemsIn(root, false), source };
}

/** Strict check for the admin page before saving: every problem, nothing repaired. */
export function validateSettings(settings: Settings): MessageRef[] {
  return problemsIn(settings as unknown as Json, true);
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
