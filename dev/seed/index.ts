/**
 * Entry points: seed a store with a believable organization and its named stories, or get a
 * ready stand-in for `context.webAPI`. Deterministic: the same `seed` and `now` give the same rows.
 */

import { DataverseStore } from "../dataverse/store";
import { DataverseStandIn, StandInOptions } from "../dataverse/standIn";
import { ActivityWriter } from "./activityWriter";
import { seedBackgroundActivities } from "./background";
import { SeededSettings, SettingsSeed, seedIntroductionTemplates, seedSettingsVariable } from "./environment";
import { RoleKey, SeededUser, seedOrganizationRecords } from "./organization";
import { Prng } from "./prng";
import { Stories, seedStories } from "./stories";
import { RuleStories, seedRuleStories } from "./ruleStories";

export interface SeedOptions {
  now: Date;
  seed: number;
  /** The settings environment variable; `false` seeds none. Default: definition without a value. */
  settings?: SettingsSeed | false;
}

export interface SeededStories extends Stories, RuleStories {
  now: Date;
  seed: number;
  /** The signed-in user the stories are told from (a salesperson, owner of the story account). */
  currentUserId: string;
  /** Holds the System Administrator role. */
  adminUserId: string;
  roles: Record<RoleKey, string>;
  users: SeededUser[];
  introductionTemplateId: string;
  settings: SeededSettings | null;
}

export function seedOrganization(store: DataverseStore, options: SeedOptions): SeededStories {
  const { now, seed } = options;
  const rng = new Prng(seed);
  const writer = new ActivityWriter(store, rng, now);
  const org = seedOrganizationRecords(store, rng, now);
  seedBackgroundActivities({ store, rng, now, org, writer });
  const stories = seedStories(store, rng, now, org, writer);
  const ruleStories = seedRuleStories(store, seed, now, org);
  const introductionTemplateId = seedIntroductionTemplates(store, rng, now);
  const settings = options.settings === false ? null : seedSettingsVariable(store, rng, now, options.settings ?? {});
  const userNamed = (name: string): string => org.users.find((u) => u.fullName === name)?.id as string;
  return {
    ...stories,
    ...ruleStories,
    now,
    seed,
    currentUserId: userNamed("Elena Popescu"),
    adminUserId: userNamed("Dana Whitfield"),
    roles: org.roles,
    users: org.users,
    introductionTemplateId,
    settings,
  };
}

export interface StandInSetup extends SeedOptions {
  aggregateLimit?: number;
  latencyMs?: number;
  /** The signed-in user's IANA time zone (default "UTC"). */
  userTimeZone?: string;
  linkedColumnNames?: StandInOptions["linkedColumnNames"];
}

export interface SeededStandIn {
  standIn: DataverseStandIn;
  store: DataverseStore;
  stories: SeededStories;
}

/** A seeded store behind a stand-in whose clock is fixed at `now`; records it creates get seeded ids. */
export function createStandIn(setup: StandInSetup): SeededStandIn {
  const ids = new Prng(setup.seed ^ 0x5eed);
  const store = new DataverseStore({ clock: () => setup.now, newId: () => ids.guid() });
  const stories = seedOrganization(store, setup);
  const standIn = new DataverseStandIn(store, {
    aggregateLimit: setup.aggregateLimit,
    latencyMs: setup.latencyMs,
    currentUserId: stories.currentUserId,
    userTimeZone: setup.userTimeZone,
    linkedColumnNames: setup.linkedColumnNames,
  });
  return { standIn, store, stories };
}

export { seedBigHistory } from "./bigHistory";
export type { BigHistory, BigHistoryOptions } from "./bigHistory";
export { DEFAULT_SETTINGS_SCHEMA_NAME } from "./environment";
export type { SettingsSeed, SeededSettings } from "./environment";
export type { IntroducerStory, Stories } from "./stories";
export { CONNECTION_ROLE_CATEGORY } from "./ruleStories";
export type { LeadStory, MailboxHoldersStory, MeetingRulesStory, OpportunityStory, RespondBothStory, RuleStories, SecondDegreeStory } from "./ruleStories";
