/**
 * Reading and saving the settings environment variable for the admin page and the consent banner.
 * The PCF webAPI offers no If-Match, so a save re-reads the stored value first and refuses with a
 * conflict when it changed since the admin read it: their edits are never silently overwritten.
 */
import { consentState, parseSettings, readSettingsValue, serializeSettings } from "../analytics";
import { DataError } from "../errors";
import type { LoadResult, Settings, SettingsPageData } from "../model";
import type { SettingsRecord } from "../parsing";
import { LIBRARY_VERSION } from "../libraryInfo";
import { isSystemAdministrator, readRoles, readSettings, requireDefinition } from "./access";
import type { DataServices } from "./services";

/** What is stored now, as the last write on this page left it. */
export interface StoredSettings {
  settings: Settings;
  version: string | null;
}

/**
 * One page, one state: the consent banner and the settings control are separate bundles (separate
 * module instances), so after either writes, the other learns the new settings and their version
 * through `window`. Keyed by library version, like the page cache.
 */
export interface SettingsFeed {
  publish(stored: StoredSettings): void;
  /** Calls `listener` after every write on this page; returns the unsubscribe. */
  subscribe(listener: (stored: StoredSettings) => void): () => void;
}

export function pageSettingsFeed(libraryVersion: string = LIBRARY_VERSION, host: Record<string, unknown> = globalThis): SettingsFeed {
  const slot = `__relationshipIntelligenceSettings_${libraryVersion}`;
  const existing = host[slot] as SettingsFeed | undefined;
  if (existing) return existing;
  const listeners = new Set<(stored: StoredSettings) => void>();
  const feed: SettingsFeed = {
    publish: (stored) => [...listeners].forEach((listener) => listener(stored)),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
  host[slot] = feed;
  return feed;
}

/** FNV-1a: a cheap fingerprint of the stored text, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}

/**
 * The version an admin read: when the value last changed plus a fingerprint of the value, since
 * two saves within the same second share a modifiedon. "none" when there is no value yet.
 */
export function versionOf(record: SettingsRecord | null): string | null {
  if (!record) return null;
  if (!record.valueId) return "none";
  return `${record.modifiedOn?.toISOString() ?? ""}|${fingerprint(record.value ?? "")}`;
}

export async function loadSettingsPage(services: DataServices): Promise<LoadResult<SettingsPageData>> {
  const [stored, roles, isAdmin] = await Promise.all([readSettings(services), readRoles(services), isSystemAdministrator(services)]);
  const { settings, problems } = parseSettings(stored.json);
  return {
    kind: "ready",
    data: {
      settings,
      problems,
      roles,
      consent: consentState(settings, services.now()),
      isAdmin,
      version: versionOf(stored.record),
    },
  };
}

async function requireAdmin(services: DataServices): Promise<void> {
  if (!(await isSystemAdministrator(services))) {
    throw new DataError("noPrivilege", "Only a System Administrator can change the settings", { table: "environmentvariablevalue" });
  }
}

/**
 * Saves; returns the new version and tells the page's other controls. Callers hand over settings
 * validateSettings accepts: the admin page saves no draft with problems, and a consent change keeps
 * what readSettingsValue read, which always passes (tests/analytics/settings.test.ts). So the strict
 * checker stays out of the consent banner's bundle.
 */
export async function saveSettings(
  services: DataServices,
  settings: Settings,
  version: string | null,
  feed: SettingsFeed = pageSettingsFeed(),
): Promise<{ version: string | null }> {
  await requireAdmin(services);
  // Read past the cache: the check must see what is stored now.
  services.client.refresh();
  const record = requireDefinition(await readSettings(services));
  if (versionOf(record) !== version) throw new DataError("conflict", "The settings changed since they were read", { table: "environmentvariablevalue" });
  const value = serializeSettings(settings);
  if (record.valueId) {
    await services.client.update("environmentvariablevalue", record.valueId, { value });
  } else {
    await services.client.create("environmentvariablevalue", {
      value,
      schemaname: services.settingsVariable,
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${record.definitionId})`,
    });
  }
  // Writes clear the cache, so this reads what was just stored.
  const saved = { version: versionOf((await readSettings(services)).record) };
  feed.publish({ settings, version: saved.version });
  return saved;
}

/**
 * Records that the Microsoft 365 admin gave consent now, keeping every other setting as stored.
 * Without a version (the banner, which edits nothing else) the value read just now is the base.
 */
export async function recordConsent(services: DataServices, version?: string | null, feed?: SettingsFeed): Promise<{ version: string | null }> {
  return setConsent(services, services.now().toISOString(), version, feed);
}

/**
 * Withdraws recorded consent, keeping every other setting as stored. From then on the 14-day rule
 * applies again: past the deadline, who knows whom and mailbox data are off at once.
 */
export async function withdrawConsent(services: DataServices, version?: string | null, feed?: SettingsFeed): Promise<{ version: string | null }> {
  return setConsent(services, null, version, feed);
}

async function setConsent(services: DataServices, grantedOn: string | null, version: string | null | undefined, feed?: SettingsFeed) {
  services.client.refresh();
  const stored = await readSettings(services);
  const changed: Settings = { ...readSettingsValue(stored.json), consent: { grantedOn } };
  return saveSettings(services, changed, version === undefined ? versionOf(stored.record) : version, feed);
}

/**
 * Opens the settings environment variable's own record: the admin guide places the settings
 * control on that form, so "Open settings" always leads to the same page.
 */
export async function openSettingsRecord(services: DataServices, navigation: { openForm(options: { entityName: string; entityId: string }): Promise<unknown> }): Promise<void> {
  const record = requireDefinition(await readSettings(services));
  await navigation.openForm({ entityName: "environmentvariabledefinition", entityId: record.definitionId });
}
