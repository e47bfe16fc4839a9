/** Environment records the widgets read besides activities: the settings variable and email templates. */

import { DataverseStore } from "../dataverse/store";
import { Prng } from "./prng";

export const DEFAULT_SETTINGS_SCHEMA_NAME = "relint_RelationshipIntelligenceSettings";
export const JSON_VARIABLE_TYPE = 100000003;

export interface SettingsSeed {
  /** Defaults to relint_RelationshipIntelligenceSettings. */
  schemaName?: string;
  /** The definition's default value (JSON text), or null. */
  defaultValue?: string | null;
  /** A current value: JSON text, or an object to serialize; omitted = no value row. */
  value?: string | object | null;
}

export interface SeededSettings {
  schemaName: string;
  definitionId: string;
  valueId: string | null;
}

export function seedSettingsVariable(store: DataverseStore, rng: Prng, now: Date, seed: SettingsSeed = {}): SeededSettings {
  const schemaName = seed.schemaName ?? DEFAULT_SETTINGS_SCHEMA_NAME;
  const definitionId = store.insert("environmentvariabledefinition", {
    environmentvariabledefinitionid: rng.guid(),
    schemaname: schemaName,
    displayname: "Relationship intelligence settings",
    defaultvalue: seed.defaultValue ?? null,
    type: JSON_VARIABLE_TYPE,
    createdon: now,
  });
  if (seed.value === undefined || seed.value === null) return { schemaName, definitionId, valueId: null };
  const valueId = store.insert("environmentvariablevalue", {
    environmentvariablevalueid: rng.guid(),
    environmentvariabledefinitionid: definitionId,
    schemaname: schemaName,
    value: typeof seed.value === "string" ? seed.value : JSON.stringify(seed.value),
    createdon: now,
  });
  return { schemaName, definitionId, valueId };
}

/** Email templates for "request an introduction", in English and Romanian. Returns the English one's id. */
export function seedIntroductionTemplates(store: DataverseStore, rng: Prng, now: Date): string {
  const english = store.insert("template", {
    templateid: rng.guid(),
    title: "Introduction request",
    templatetypecode: "systemuser",
    languagecode: 1033,
    subject: "Could you introduce me?",
    createdon: now,
  });
  store.insert("template", {
    templateid: rng.guid(),
    title: "Cerere de introducere",
    templatetypecode: "systemuser",
    languagecode: 1048,
    subject: "Îmi poți face o introducere?",
    createdon: now,
  });
  return english;
}
