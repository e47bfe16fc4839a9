/**
 * What the signed-in user may see and which activities may count: settings, the consent clock,
 * the effective feature switches and the mailbox scope, read once per load and shared (through
 * the page cache) by every widget on the form.
 */
import { consentState, effectiveFeatures, mailboxScope, readSettingsValue } from "../analytics";
import { DataError } from "../errors";
import type { ConsentState, EffectiveFeatures, SecurityRole, Settings } from "../model";
import { SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID } from "../model";
import { parseRoles, parseSettingsRecords, type SettingsRecord } from "../parsing";
import { MAX_IDS_PER_QUERY, rolesByIdQuery, rolesQuery, settingsDefinitionQuery, type QueryScope } from "../queries";
import type { DataServices } from "./services";

export interface StoredSettings {
  /** The JSON in force (the value, else the definition's default), or null for none. */
  json: string | null;
  /** Null when the environment variable is not defined (the solution is not imported). */
  record: SettingsRecord | null;
}

/** An empty current value (cleared in the maker portal) means "use the default", as Dataverse resolves it. */
function nonEmpty(text: string | null | undefined): string | null {
  return text === undefined || text === null || text.trim() === "" ? null : text;
}

export async function readSettings(services: DataServices): Promise<StoredSettings> {
  const rows = await services.client.fetch(settingsDefinitionQuery(services.settingsVariable));
  const record = parseSettingsRecords(rows).items[0] ?? null;
  // The value wins over the definition's default, as Dataverse resolves environment variables.
  return { json: nonEmpty(record?.value) ?? nonEmpty(record?.defaultValue) ?? null, record };
}

export interface Access {
  settings: Settings;
  consent: ConsentState;
  effective: EffectiveFeatures;
  scope: QueryScope;
}

export async function readAccess(services: DataServices): Promise<Access> {
  // Only the values: what is wrong in the JSON is the admin page's to show (parseSettings).
  const settings = readSettingsValue((await readSettings(services)).json);
  const now = services.now();
  const consent = consentState(settings, now);
  const effective = effectiveFeatures(settings, consent, now);
  return { settings, consent, effective, scope: mailboxScope(settings, effective) };
}

export async function readRoles(services: DataServices): Promise<SecurityRole[]> {
  return parseRoles(await services.client.fetch(rolesQuery())).items;
}

/**
 * System Administrator is recognised by its role template, the same in every environment, language
 * and business unit (the user's role ids are their own business unit's copies).
 */
export async function isSystemAdministrator(services: DataServices): Promise<boolean> {
  if (services.userRoleIds.length === 0) return false;
  const held = parseRoles(await services.client.fetch(rolesByIdQuery(services.userRoleIds.slice(0, MAX_IDS_PER_QUERY)))).items;
  return held.some((role) => role.templateId === SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID);
}

/** The settings must exist before anything can be saved: they come with the solution. */
export function requireDefinition(stored: StoredSettings): SettingsRecord {
  if (!stored.record) throw new DataError("notFound", "The settings environment variable is not defined", { table: "environmentvariabledefinition" });
  return stored.record;
}
