export type { Parsed } from "./rows";
export { directionOf } from "./direction";
export { parseInteractions, parseMeetingAttendance, parseBreadth, type BreadthRow } from "./interactions";
export { parseLastActivity, parseNextActivity, parseEmailThreads, threadKey } from "./activities";
export { parseIntroducers, parseColleagues, type IntroducerRow } from "./introducers";
export {
  parseSettingsRecords,
  parseRoles,
  parseRoleIds,
  parseUserIds,
  parseContactIds,
  parseEmailTemplates,
  type SettingsRecord,
  type EmailTemplate,
} from "./settings";
