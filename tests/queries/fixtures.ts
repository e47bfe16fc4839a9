import { DOMParser } from "@xmldom/xmldom";
import type { DateWindow, RecordRef } from "../../shared/model";
import type { FetchQuery } from "../../shared/queries";
import * as queries from "../../shared/queries";
import type { QueryScope } from "../../shared/queries";

export const CONTACT_ID = "6f9619ff-8b86-d011-b42d-00c04fc964ff";
export const ACCOUNT_ID = "11111111-2222-3333-4444-555555555555";
export const USER_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
export const USER_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
export const OTHER_CONTACT = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

export const WINDOW: DateWindow = { from: new Date("2024-01-01T00:00:00Z"), to: new Date("2024-03-01T00:00:00Z") };
export const NOW = new Date("2024-03-01T12:00:00Z");

export const RECORDS: RecordRef[] = [
  { type: "contact", id: `{${CONTACT_ID.toUpperCase()}}` },
  { type: "lead", id: "22222222-3333-4444-5555-666666666666" },
  { type: "account", id: ACCOUNT_ID },
  { type: "opportunity", id: "33333333-4444-5555-6666-777777777777" },
];

export const ROLE_A = "dddddddd-dddd-4ddd-8ddd-dddddddddddd";
export const ROLE_B = "eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee";

export const SCOPES: Record<string, QueryScope> = {
  all: { mailbox: "all" },
  none: { mailbox: "none" },
  oneRole: { mailbox: { roleIds: [ROLE_A], excludedOwnerIds: [] } },
  twoRolesOneOptOut: { mailbox: { roleIds: [ROLE_A, ROLE_B.toUpperCase()], excludedOwnerIds: [USER_B] } },
  noRoles: { mailbox: { roleIds: [], excludedOwnerIds: [] } },
  withPeople: { mailbox: { roleIds: [ROLE_A], excludedOwnerIds: [] }, people: { theirIds: [OTHER_CONTACT], ourIds: [USER_A, USER_B] } },
  noneOfOurs: { mailbox: "none", people: { theirIds: [], ourIds: [] } },
};

/** Every query every builder can emit, over all record types and mailbox scopes. */
export function everyQuery(): Array<{ name: string; query: FetchQuery }> {
  const all: Array<{ name: string; query: FetchQuery }> = [];
  for (const record of RECORDS) {
    for (const [scopeName, scope] of Object.entries(SCOPES)) {
      const tag = `${record.type}/${scopeName}`;
      all.push(
        { name: `interactions ${tag}`, query: queries.interactionsQuery(record, WINDOW, scope) },
        { name: `meetings ${tag}`, query: queries.meetingsQuery(record, WINDOW, scope) },
        { name: `breadth ${tag}`, query: queries.breadthQuery(record, WINDOW, scope) },
        { name: `last ${tag}`, query: queries.lastActivityQuery(record, NOW, scope) },
        { name: `next ${tag}`, query: queries.nextActivityQuery(record, NOW, scope) },
        { name: `threads ${tag}`, query: queries.emailThreadsQuery(record, WINDOW, scope) },
      );
      if (record.type === "lead" || record.type === "contact") {
        all.push(
          { name: `introducers ${tag}`, query: queries.introducersQuery(record, WINDOW, scope) },
          { name: `coworker links ${tag}`, query: queries.coworkerLinksQuery(record, ACCOUNT_ID, WINDOW, scope) },
          { name: `coworker standing ${tag}`, query: queries.coworkerStandingQuery(record, ACCOUNT_ID, WINDOW, scope) },
        );
      }
    }
  }
  for (const record of RECORDS) {
    all.push(
      { name: `facts ${record.type} (one)`, query: queries.recordFactsQuery(record.type, [record.id]) },
      { name: `facts ${record.type} (several)`, query: queries.recordFactsQuery(record.type, [record.id, OTHER_CONTACT]) },
    );
  }
  for (const [scopeName, scope] of Object.entries(SCOPES)) {
    const grouped: queries.GroupedPath[] = [
      { via: "regarding", recordIds: RECORDS.map((r) => r.id) },
      { via: "parties", theirIds: [CONTACT_ID, OTHER_CONTACT], ourIds: null, mailbox: scope.mailbox },
      { via: "parties", theirIds: [CONTACT_ID], ourIds: [USER_A, USER_B], mailbox: scope.mailbox },
      { via: "accountContacts", accountIds: [ACCOUNT_ID], mailbox: scope.mailbox },
    ];
    grouped.forEach((path, i) => {
      const tag = `${path.via} ${i}/${scopeName}`;
      all.push(
        { name: `page interactions ${tag}`, query: queries.pageInteractionsQuery(path, WINDOW) },
        { name: `page latest ${tag}`, query: queries.pageLatestQuery(path, NOW) },
        { name: `page breadth ${tag}`, query: queries.pageBreadthQuery(path, WINDOW) },
      );
    });
    for (const record of RECORDS) all.push({ name: `page interactions of ${record.type}/${scopeName}`, query: queries.pageInteractionsQuery({ via: "record", record, scope }, WINDOW) });
  }
  all.push(
    { name: "settings", query: queries.settingsDefinitionQuery("ri_RelationshipIntelligenceSettings") },
    { name: "roles", query: queries.rolesQuery() },
    { name: "roles by id", query: queries.rolesByIdQuery([ROLE_A, ROLE_B]) },
    { name: "templates", query: queries.emailTemplatesQuery() },
  );
  return all;
}

/** Parses XML strictly: any well-formedness error throws. */
export function parseXml(xml: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  });
  return parser.parseFromString(xml, "text/xml") as unknown as Document;
}

export function elements(doc: Document | Element, name: string): Element[] {
  return Array.from(doc.getElementsByTagName(name));
}

/** The conditions on a column, anywhere in the query. */
export function conditionsOn(doc: Document, column: string): Element[] {
  return elements(doc, "condition").filter((c) => c.getAttribute("attribute") === column);
}

export function valuesOf(condition: Element): string[] {
  const single = condition.getAttribute("value");
  if (single !== null && condition.hasAttribute("value")) return [single];
  return elements(condition, "value").map((v) => v.textContent ?? "");
}
