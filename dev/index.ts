/** The dev-only stand-in and seed data in one import. Never imported by shared/ or components/. */

export { DataverseStandIn, DEFAULT_AGGREGATE_LIMIT } from "./dataverse/standIn";
export type { RequestLogEntry, StandInOptions, WebApiMethod } from "./dataverse/standIn";
export { DataverseStore } from "./dataverse/store";
export type { StoreOptions } from "./dataverse/store";
export type { Row, Value } from "./dataverse/values";
export { ERROR_CODES } from "./dataverse/faults";
export type { DataverseFault, FaultSwitches } from "./dataverse/faults";
export { createStandIn, seedOrganization, seedBigHistory, DEFAULT_SETTINGS_SCHEMA_NAME } from "./seed";
export type {
  BigHistory,
  BigHistoryOptions,
  IntroducerStory,
  SeedOptions,
  SeededStandIn,
  SeededStories,
  SettingsSeed,
  SeededSettings,
  StandInSetup,
  Stories,
} from "./seed";
