export type { FetchQuery } from "./fetchQuery";
export { interactionsQuery, meetingsQuery, breadthQuery } from "./interactions";
export { lastActivityQuery, nextActivityQuery, emailThreadsQuery, EMAIL_THREAD_LIMIT } from "./activities";
export { introducersQuery } from "./introducers";
export { settingsDefinitionQuery, emailTemplatesQuery } from "./settings";
export { rolesByIdQuery, rolesQuery } from "./roles";
export { recordFactsQuery, PRIMARY_KEY } from "./records";
export type { MailboxScope, QueryScope, RecordPeople } from "./scope";
export { assertGuid, assertGuids, assertIsoDate, assertPositiveInteger, assertRecord, assertRecordType, assertSchemaName, MAX_IDS_PER_QUERY } from "./validate";
