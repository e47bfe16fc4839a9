/**
 * The playground's switches, read from and written to the page URL, so every situation has an
 * address a test, a bug report or a colleague can open. Anything unknown falls back to a default.
 */

export const RECORDS = [
  "hot",
  "cooling",
  "oneWay",
  "dormant",
  "brandNew",
  "qualifiedLead",
  "closedWon",
  "introducerTarget",
  "respondBoth",
  "meetingRules",
  "opportunityFull",
  "leadWithStakeholders",
  "secondDegree",
  "unsaved",
  "unsupportedTable",
  "bigHistory",
] as const;
export type RecordChoice = (typeof RECORDS)[number];

export const USERS = ["seller", "admin"] as const;
export type UserChoice = (typeof USERS)[number];

export const LANGUAGES = [1033, 1048] as const;
export type LanguageChoice = (typeof LANGUAGES)[number];

export const THEMES = ["light", "dark", "contrast"] as const;
export type ThemeChoice = (typeof THEMES)[number];

export const FORM_FACTORS = ["desktop", "tablet", "phone"] as const;
export type FormFactorChoice = (typeof FORM_FACTORS)[number];

/** "stored" leaves the settings as they are (seeded, or as saved in the page). */
export const CONSENT_STATES = ["stored", "notActivated", "pendingDay3", "pendingDay13", "lapsed", "granted", "unsupportedGeography"] as const;
export type ConsentChoice = (typeof CONSENT_STATES)[number];

export const FAULTS = ["throttling", "slowNetwork", "offline", "serverError"] as const;
export type FaultChoice = (typeof FAULTS)[number];

/** Tables whose read privilege can be taken away, one by one. */
export const DENIABLE_TABLES = ["activitypointer", "activityparty", "systemuser", "contact", "lead", "environmentvariablevalue", "email"] as const;

export interface PlaygroundOptions {
  record: RecordChoice;
  user: UserChoice;
  language: LanguageChoice;
  theme: ThemeChoice;
  /** Width each control is given, in px. */
  width: number;
  formFactor: FormFactorChoice;
  /** IANA zone, or null for a fixed offset. */
  timeZone: string | null;
  /** Used when timeZone is null. */
  timeZoneOffsetMinutes: number;
  consent: ConsentChoice;
  faults: FaultChoice[];
  deniedTables: string[];
  /** Host just this control (constructor), or every built one. */
  only: string | null;
  seed: number;
  /** Input values per control: inputs[ctor][property] as typed in the page. */
  inputs: Record<string, Record<string, string>>;
}

export const DEFAULT_WIDTH = 480;
const PHONE_WIDTH = 360;

function oneOf<T extends string | number>(values: readonly T[], raw: string | null, fallback: T): T {
  return values.find((value) => String(value) === raw) ?? fallback;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function readOptions(search: string): PlaygroundOptions {
  const params = new URLSearchParams(search);
  const formFactor = oneOf(FORM_FACTORS, params.get("formFactor"), "desktop");
  const width = Number(params.get("width"));
  const zone = params.get("tz");
  const offset = Number(params.get("tzOffset"));
  const seed = Number(params.get("seed"));
  const inputs: PlaygroundOptions["inputs"] = {};
  for (const [key, value] of params) {
    const match = /^in\.(\w+)\.(\w+)$/.exec(key);
    if (match) (inputs[match[1]] ??= {})[match[2]] = value;
  }
  const list = (name: string) => (params.get(name) ?? "").split(",").filter((item) => item !== "");
  return {
    record: oneOf(RECORDS, params.get("record"), "hot"),
    user: oneOf(USERS, params.get("user"), "seller"),
    language: oneOf(LANGUAGES, params.get("lang"), 1033),
    theme: oneOf(THEMES, params.get("theme"), "light"),
    width: Number.isInteger(width) && width >= 200 && width <= 2000 ? width : formFactor === "phone" ? PHONE_WIDTH : DEFAULT_WIDTH,
    formFactor,
    timeZone: zone && validZone(zone) ? zone : null,
    timeZoneOffsetMinutes: Number.isInteger(offset) && Math.abs(offset) <= 14 * 60 ? offset : 0,
    consent: oneOf(CONSENT_STATES, params.get("consent"), "stored"),
    faults: list("faults").filter((fault): fault is FaultChoice => (FAULTS as readonly string[]).includes(fault)),
    deniedTables: list("deny").filter((table) => (DENIABLE_TABLES as readonly string[]).includes(table)),
    only: params.get("only"),
    seed: Number.isInteger(seed) && seed > 0 ? seed : 20261120,
    inputs,
  };
}

/** The URL query for `options` (defaults left out), keeping parameters the page does not own (now). */
export function writeOptions(options: PlaygroundOptions, current: string): string {
  const defaults = readOptions("");
  const params = new URLSearchParams(current);
  const set = (name: string, value: string | number | null, fallback: string | number | null) => {
    if (value === null || value === fallback || value === "") params.delete(name);
    else params.set(name, String(value));
  };
  set("record", options.record, defaults.record);
  set("user", options.user, defaults.user);
  set("lang", options.language, defaults.language);
  set("theme", options.theme, defaults.theme);
  set("formFactor", options.formFactor, defaults.formFactor);
  const defaultWidth = options.formFactor === "phone" ? PHONE_WIDTH : DEFAULT_WIDTH;
  set("width", options.width, defaultWidth);
  set("tz", options.timeZone, null);
  set("tzOffset", options.timeZone ? 0 : options.timeZoneOffsetMinutes, 0);
  set("consent", options.consent, defaults.consent);
  set("faults", options.faults.join(","), "");
  set("deny", options.deniedTables.join(","), "");
  set("only", options.only, null);
  set("seed", options.seed, defaults.seed);
  for (const key of [...params.keys()]) if (key.startsWith("in.")) params.delete(key);
  for (const [ctor, values] of Object.entries(options.inputs)) {
    for (const [name, value] of Object.entries(values)) if (value !== "") params.set(`in.${ctor}.${name}`, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
