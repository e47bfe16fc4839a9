/** Canonical Dataverse ids: lower-case GUIDs without braces. */

const CANONICAL_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isCanonicalGuid(value: string): boolean {
  return CANONICAL_GUID.test(value);
}

/**
 * The host spells ids as "{ABCD…}" (context.userSettings) or lower-case (Web API); every comparison
 * here uses the canonical form. Returns null when the value is no GUID at all.
 */
export function normalizeGuid(value: string): string | null {
  const candidate = value.trim().replace(/^\{(.*)\}$/, "$1").toLowerCase();
  return CANONICAL_GUID.test(candidate) ? candidate : null;
}
