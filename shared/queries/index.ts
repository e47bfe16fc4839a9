export type { FetchQuery } from "./fetchQuery";
export { interactionsQuery, meetingAttendanceQuery, breadthQuery } from "./interactions";
export { lastActivityQuery, nextActivityQuery, emailThreadsQuery, EMAIL_THREAD_LIMIT } from "./activities";
export { introducersQuery, usersQuery } from "./introducers";
export { settingsDefinitionQuery, emailTemplatesQuery } from "./settings";
export { rolesByIdQuery, rolesQuery, userRoleIdsQuery, usersWithRolesQuery } from "./roles";
export { accountContactIdsQuery } from "./records";
export type { MailboxScope, QueryScope } from "./scope";
export { assertGuid, assertGuids, assertIsoDate, assertPositiveInteger, assertRecord, assertRecordType, assertSchemaName, MAX_IDS_PER_QUERY } from "./validate";
