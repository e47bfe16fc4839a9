/** The dev-only stand-in and seed data in one import. Never imported by shared/ or components/. */

export { DataverseStandIn, DEFAULT_AGGREGATE_LIMIT, MORE_RECORDS, PAGING_COOKIE } from "./dataverse/standIn";
export type { FetchPage, RequestLogEntry, StandInOptions, WebApiMethod } from "./dataverse/standIn";
export { DataverseStore } from "./dataverse/store";
export type { StoreOptions } from "./dataverse/store";
export type { Row, Value } from "./dataverse/values";
export { AGGREGATE_LIMIT_MESSAGES, ERROR_CODES } from "./dataverse/faults";
export type { DataverseFault, FaultSwitches, RetryAfterForm, ThrottleLimit, ThrottleOptions } from "./dataverse/faults";
export { createStandIn, seedOrganization, seedBigHistory, CONNECTION_ROLE_CATEGORY, DEFAULT_SETTINGS_SCHEMA_NAME } from "./seed";
export type {
  BigHistory,
  BigHistoryOptions,
  IntroducerStory,
  LeadStory,
  MailboxHoldersStory,
  MeetingRulesStory,
  OpportunityStory,
  RespondBothStory,
  RuleStories,
  SeedOptions,
  SeededStandIn,
  SeededStories,
  SettingsSeed,
  SeededSettings,
  StandInSetup,
  Stories,
} from "./seed";
