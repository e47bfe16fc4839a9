export type { Parsed } from "./rows";
export { directionOf } from "./direction";
export { parseInteractions, parseMeetings, parseBreadth, type BreadthRow } from "./interactions";
export { parseLastActivity, parseNextActivity, parseEmailThreads, threadKey } from "./activities";
export { parseIntroducers, type IntroducerRow } from "./introducers";
export { parseRecordFacts, type RecordFacts } from "./records";
export { parseCoworkerLinks, parseCoworkerStanding, type CoworkerLinkRow, type CoworkerStandingRow } from "./paths";
export { parseSettingsRecords, parseRoles, parseEmailTemplates, type SettingsRecord, type EmailTemplate } from "./settings";
export { parsePageInteractions, parsePageLatest, parsePageBreadth, type PageKeys, type PageInteractionRow, type PageLatestRow, type PageBreadthRow } from "./page";
