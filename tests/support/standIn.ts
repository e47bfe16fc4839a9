/**
 * The seeded organization and data services every integration and control test uses: the real
 * data layer, talking to the local Dataverse stand-in, as the seeded salesperson.
 */
import { zoneOffsetMinutes } from "../../dev/pcfContext";
import { createStandIn, type SeededStandIn } from "../../dev/seed";
import type { DataServices } from "../../shared/data/services";
import { SETTINGS_VARIABLE } from "../../shared/libraryInfo";
import type { Settings } from "../../shared/model";
import { DEFAULT_SETTINGS, serializeSettings, UTC } from "../../shared/analytics";
import { createQueryCache } from "../../shared/transport/cache";
import { createDataverseClient } from "../../shared/transport/client";

export const NOW = new Date("2026-11-20T10:00:00.000Z");
export const SEED = 20261120;

/** Relationship intelligence switched on 3 days ago, consent pending: every feature runs. */
export function activeSettings(now: Date = NOW, overrides: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    enabled: true,
    activatedOn: new Date(now.getTime() - 3 * 86_400_000).toISOString(),
    ...overrides,
  };
}

export interface OrgOptions {
  /** The stored settings value; null stores none (defaults: relationship intelligence off). */
  settings?: Settings | null;
  aggregateLimit?: number;
  /** The signed-in user's IANA time zone; pass the same to servicesFor. */
  userTimeZone?: string;
}

export function seededOrg(options: OrgOptions = {}): SeededStandIn {
  const settings = options.settings === undefined ? activeSettings() : options.settings;
  return createStandIn({
    now: NOW,
    seed: SEED,
    aggregateLimit: options.aggregateLimit,
    userTimeZone: options.userTimeZone,
    settings: { schemaName: SETTINGS_VARIABLE, value: settings ? serializeSettings(settings) : undefined },
  });
}

/** Data services as a given user (in a given IANA zone); waits are skipped so fault tests run instantly. */
export function servicesFor(org: SeededStandIn, userId: string = org.stories.currentUserId, roleIds: string[] = [], timeZone?: string): DataServices {
  return {
    client: createDataverseClient(org.standIn, { cache: createQueryCache(30_000), sleep: () => Promise.resolve() }),
    userId,
    userRoleIds: roleIds,
    now: () => NOW,
    utcOffsetAt: timeZone === undefined ? UTC : (at) => zoneOffsetMinutes(timeZone, at),
    settingsVariable: SETTINGS_VARIABLE,
  };
}
