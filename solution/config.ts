/**
 * pcf.config.json: the one place for publisher, prefix, namespace, solution names, version and
 * languages. Everything the build and the solution packager stamp comes from here, validated once.
 */
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { ConfigError } from "./errors";

export { ConfigError } from "./errors";

export const CONFIG_FILE_NAME = "pcf.config.json";

/** Languages every control ships strings for; the config must list both. */
export const REQUIRED_LANGUAGES: readonly number[] = [1033, 1048];
/** The solution's base language (solution.xml languagecode, the default labels). */
export const BASE_LANGUAGE = 1033;

/** Text in each configured language, keyed by LCID ("1033", "1048"). */
export type LocalizedText = Readonly<Record<string, string>>;

export interface PcfConfig {
  publisher: {
    uniqueName: string;
    displayName: LocalizedText;
    description: LocalizedText;
    /** 2–8 lower-case letters/digits, the start of every schema name. */
    prefix: string;
    /** 10000..99999, the start of every option value. */
    optionValuePrefix: number;
  };
  /** The controls' manifest namespace. */
  namespace: string;
  solution: {
    uniqueName: string;
    displayName: LocalizedText;
    description: LocalizedText;
  };
  /** Solution version "major.minor.build.revision". */
  version: string;
  languages: number[];
}

export function loadConfig(rootDir: string): PcfConfig {
  const path = join(rootDir, CONFIG_FILE_NAME);
  if (!existsSync(path)) throw new ConfigError(`${CONFIG_FILE_NAME} not found in ${rootDir}`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new ConfigError(`${CONFIG_FILE_NAME} is not valid JSON: ${(error as Error).message}`);
  }
  return validateConfig(raw);
}

const PREFIX = /^[a-z][a-z0-9]{1,7}$/;
const UNIQUE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Dot-separated identifiers, as pac pcf init accepts for a namespace. */
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;
/** No leading zeros, so the version string is canonical (it names the zip and is compared). */
const VERSION_PART = /^(0|[1-9][0-9]{0,4})$/;
const MAX_VERSION_PART = 65535;
/** The revision is folded into the control's third version part as build*1000+revision. */
const MAX_REVISION = 999;

export function validateConfig(raw: unknown): PcfConfig {
  const root = asObject(raw, CONFIG_FILE_NAME);
  const languages = validateLanguages(root.languages);
  const publisher = asObject(root.publisher, "publisher");
  const solution = asObject(root.solution, "solution");
  return {
    publisher: {
      uniqueName: uniqueName(publisher.uniqueName, "publisher.uniqueName"),
      displayName: localized(publisher.displayName, "publisher.displayName", languages),
      description: localized(publisher.description, "publisher.description", languages),
      prefix: prefix(publisher.prefix),
      optionValuePrefix: optionValuePrefix(publisher.optionValuePrefix),
    },
    namespace: namespace(root.namespace),
    solution: {
      uniqueName: uniqueName(solution.uniqueName, "solution.uniqueName"),
      displayName: localized(solution.displayName, "solution.displayName", languages),
      description: localized(solution.description, "solution.description", languages),
    },
    version: version(root.version),
    languages,
  };
}

/** "a.b.c.d" → "a.b.(c*1000+d)": controls take three parts and must change version to update. */
export function controlVersion(config: PcfConfig): string {
  const [major, minor, build, revision] = config.version.split(".").map(Number);
  return `${major}.${minor}.${build * 1000 + revision}`;
}

/** The control's schema name in Dataverse: `<prefix>_<namespace>.<constructor>`. */
export function schemaName(config: PcfConfig, ctor: string): string {
  return `${config.publisher.prefix}_${config.namespace}.${ctor}`;
}

/** The environment variable that holds the settings JSON. */
export function settingsVariableSchemaName(config: PcfConfig): string {
  return `${config.publisher.prefix}_RelationshipIntelligenceSettings`;
}

function asObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${field} must be an object${value === undefined ? " (it is missing)" : ""}`);
  }
  return value as Record<string, unknown>;
}

function requiredString(value: unknown, field: string): string {
  if (value === undefined) throw new ConfigError(`${field} is missing`);
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`${field} must be a non-empty string`);
  return value;
}

function prefix(value: unknown): string {
  const text = requiredString(value, "publisher.prefix");
  if (!PREFIX.test(text)) {
    throw new ConfigError(
      `publisher.prefix ${JSON.stringify(text)} is invalid: use 2–8 lower-case letters or digits, starting with a letter`,
    );
  }
  if (text.startsWith("mscrm")) throw new ConfigError(`publisher.prefix ${JSON.stringify(text)} is invalid: it must not start with "mscrm" (reserved by Microsoft)`);
  return text;
}

function uniqueName(value: unknown, field: string): string {
  const text = requiredString(value, field);
  if (!UNIQUE_NAME.test(text)) {
    throw new ConfigError(`${field} ${JSON.stringify(text)} is invalid: use letters, digits and underscores, not starting with a digit`);
  }
  return text;
}

function namespace(value: unknown): string {
  const text = requiredString(value, "namespace");
  if (!NAMESPACE.test(text)) {
    throw new ConfigError(`namespace ${JSON.stringify(text)} is invalid: use letters and digits, optionally in dot-separated parts each starting with a letter`);
  }
  return text;
}

function version(value: unknown): string {
  const text = requiredString(value, "version");
  const parts = text.split(".");
  const wellFormed = parts.length === 4 && parts.every((part) => VERSION_PART.test(part) && Number(part) <= MAX_VERSION_PART);
  if (!wellFormed) {
    throw new ConfigError(`version ${JSON.stringify(text)} is invalid: use four numbers 0..65535 without leading zeros, like "1.0.0.0"`);
  }
  if (Number(parts[3]) > MAX_REVISION) {
    throw new ConfigError(`version ${JSON.stringify(text)} is invalid: the fourth number must be 0..999 (it becomes part of the control version)`);
  }
  return text;
}

function optionValuePrefix(value: unknown): number {
  if (value === undefined) throw new ConfigError("publisher.optionValuePrefix is missing");
  if (typeof value !== "number" || !Number.isInteger(value) || value < 10000 || value > 99999) {
    throw new ConfigError(`publisher.optionValuePrefix ${JSON.stringify(value)} is invalid: use a whole number 10000..99999`);
  }
  return value;
}

function validateLanguages(value: unknown): number[] {
  if (value === undefined) throw new ConfigError("languages is missing");
  if (!Array.isArray(value) || !value.every((code) => Number.isInteger(code) && code > 0)) {
    throw new ConfigError("languages must be a list of language codes (LCIDs), like [1033, 1048]");
  }
  const codes = value as number[];
  if (new Set(codes).size !== codes.length) throw new ConfigError("languages lists a language twice");
  for (const required of REQUIRED_LANGUAGES) {
    if (!codes.includes(required)) throw new ConfigError(`languages must include ${required} (the controls ship strings for ${REQUIRED_LANGUAGES.join(" and ")})`);
  }
  return [...codes];
}

function localized(value: unknown, field: string, languages: readonly number[]): LocalizedText {
  const texts = asObject(value, field);
  for (const key of Object.keys(texts)) {
    if (!languages.includes(Number(key))) throw new ConfigError(`${field} has text for "${key}", which is not in languages`);
  }
  const result: Record<string, string> = {};
  for (const code of languages) {
    const text = texts[String(code)];
    if (text === undefined) throw new ConfigError(`${field} is missing language ${code}`);
    result[String(code)] = requiredString(text, `${field}.${code}`);
  }
  return result;
}
