import { DataError } from "../../shared/errors";
import type { RecordRef } from "../../shared/model";
import * as q from "../../shared/queries";
import {
  ACCOUNT_ID,
  conditionsOn,
  CONTACT_ID,
  elements,
  everyQuery,
  NOW,
  OTHER_CONTACT,
  parseXml,
  RECORDS,
  ROLE_A,
  ROLE_B,
  SCOPES,
  USER_A,
  USER_B,
  valuesOf,
  WINDOW,
} from "./fixtures";

const contact: RecordRef = { type: "contact", id: CONTACT_ID };
const account: RecordRef = { type: "account", id: ACCOUNT_ID };

function expectInvalid(run: () => unknown) {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DataError);
  expect((caught as DataError).kind).toBe("invalidInput");
}

describe("every query", () => {
  const queries = everyQuery();

  it.each(queries.map((x) => [x.name, x.query] as const))("%s is well-formed, metadata-only and clock-independent", (_name, query) => {
    const doc = parseXml(query.fetchXml);
    expect(doc.documentElement.tagName).toBe("fetch");
    expect(elements(doc, "entity")[0].getAttribute("name")).toBe(query.entity);
    expect(elements(doc, "all-attributes")).toHaveLength(0);
    for (const a of elements(doc, "attribute")) expect(a.getAttribute("name")).not.toMatch(/description|body|subject/);
    for (const c of elements(doc, "condition")) expect(c.getAttribute("operator")).not.toMatch(/^(last|next|this|today|yesterday|olderthan)/);
  });
});

describe("interactionsQuery", () => {
  const doc = (record: RecordRef, scope: q.QueryScope) => parseXml(q.interactionsQuery(record, WINDOW, scope).fetchXml);

  it("counts completed emails, calls and tasks ending inside the half-open window", () => {
    const d = doc(contact, SCOPES.all);
    expect(valuesOf(conditionsOn(d, "statecode")[0])).toEqual(["1"]);
    expect(valuesOf(conditionsOn(d, "activitytypecode")[0])).toEqual(["email", "phonecall", "task"]);
    const ends = conditionsOn(d, "actualend").map((c) => [c.getAttribute("operator"), c.getAttribute("value")]);
    expect(ends).toEqual([
      ["ge", "2024-01-01T00:00:00.000Z"],
      ["lt", "2024-03-01T00:00:00.000Z"],
    ]);
  });

  it("reaches the record by Regarding or through a party test that never joins, with the normalized id", () => {
    const d = doc({ type: "contact", id: `{${CONTACT_ID.toUpperCase()}}` }, SCOPES.all);
    expect(valuesOf(conditionsOn(d, "regardingobjectid")[0])).toEqual([CONTACT_ID]);
    const party = conditionsOn(d, "partyid")[0];
    expect(valuesOf(party)).toEqual([CONTACT_ID]);
    const test = party.parentNode?.parentNode as Element;
    expect(test.tagName).toBe("link-entity");
    expect(test.getAttribute("link-type")).toBe("any");
    // Only the direction links join: one row per activity, so counts and durations are never multiplied.
    const joins = elements(d, "link-entity").filter((l) => l.getAttribute("link-type") !== "any" && (l.parentNode as Element).tagName === "entity");
    expect(joins.map((l) => l.getAttribute("name"))).toEqual(["email", "phonecall"]);
    const either = conditionsOn(d, "regardingobjectid")[0].parentNode as Element;
    expect(either.getAttribute("type")).toBe("or");
  });

  it("lets mailbox data through only as the scope allows, testing the owner's roles in the query", () => {
    expect(conditionsOn(doc(contact, SCOPES.all), "exchangeitemid")).toHaveLength(0);
    expect(conditionsOn(doc(contact, SCOPES.none), "exchangeitemid")).toHaveLength(1);
    expect(conditionsOn(doc(contact, SCOPES.none), "parentrootroleid")).toHaveLength(0);
    const roles = doc(contact, SCOPES.twoRolesOneOptOut);
    expect(conditionsOn(roles, "exchangeitemid")[0].getAttribute("operator")).toBe("null");
    // Held directly, through a team the owner is in, or by the owning team.
    const roleTests = conditionsOn(roles, "parentrootroleid");
    expect(roleTests).toHaveLength(3);
    for (const test of roleTests) expect(valuesOf(test)).toEqual([ROLE_A, ROLE_B]);
    const optOut = conditionsOn(roles, "ownerid")[0];
    expect(optOut.getAttribute("operator")).toBe("not-in");
    expect(valuesOf(optOut)).toEqual([USER_B]);
  });

  it("treats an empty role list as no mailbox data", () => {
    expect(q.interactionsQuery(contact, WINDOW, SCOPES.noRoles).fetchXml).toBe(q.interactionsQuery(contact, WINDOW, SCOPES.none).fetchXml);
  });

  it("matches an account's contacts through the contact's company, so no id list grows with the account", () => {
    const d = doc(account, SCOPES.all);
    expect(valuesOf(conditionsOn(d, "partyid")[0])).toEqual([ACCOUNT_ID]);
    expect(valuesOf(conditionsOn(d, "parentcustomerid")[0])).toEqual([ACCOUNT_ID]);
    expect(valuesOf(conditionsOn(d, "regardingobjectid")[0])).toEqual([ACCOUNT_ID]);
  });

  it("counts the people standing for the record on their side, and ours only where ours is limited", () => {
    const d = doc({ type: "opportunity", id: ACCOUNT_ID }, SCOPES.withPeople);
    const partyTests = conditionsOn(d, "partyid").map(valuesOf);
    expect(partyTests).toEqual([
      [ACCOUNT_ID, OTHER_CONTACT],
      [USER_A, USER_B],
    ]);
    // Nobody known on our side: only Regarding counts.
    const onlyRegarding = doc({ type: "lead", id: ACCOUNT_ID }, SCOPES.noneOfOurs);
    expect(conditionsOn(onlyRegarding, "partyid")).toHaveLength(0);
    expect(valuesOf(conditionsOn(onlyRegarding, "regardingobjectid")[0])).toEqual([ACCOUNT_ID]);
  });

  it("groups by kind, both directions and the day of actualend", () => {
    const d = doc(contact, SCOPES.all);
    const groups = elements(d, "attribute")
      .filter((a) => a.getAttribute("groupby") === "true")
      .map((a) => a.getAttribute("dategrouping") ?? a.getAttribute("alias"));
    expect(groups).toEqual(["kind", "year", "month", "day", "emaildirection", "calldirection"]);
  });
});

describe("other activity builders", () => {
  it("meetings count when held: not canceled, scheduled end in the window, whatever their state", () => {
    const d = parseXml(q.meetingsQuery(contact, WINDOW, SCOPES.all).fetchXml);
    expect(valuesOf(conditionsOn(d, "activitytypecode")[0])).toEqual(["appointment"]);
    const state = conditionsOn(d, "statecode")[0];
    expect([state.getAttribute("operator"), state.getAttribute("value")]).toEqual(["ne", "2"]);
    expect(conditionsOn(d, "actualend")).toHaveLength(0);
    expect(conditionsOn(d, "scheduledend").map((c) => c.getAttribute("operator"))).toEqual(["ge", "lt"]);
    const attendees = elements(d, "attribute").find((a) => a.getAttribute("alias") === "ourattendees");
    expect(attendees?.getAttribute("aggregate")).toBe("countcolumn");
    expect(attendees?.getAttribute("distinct")).toBe("true");
    expect(valuesOf(conditionsOn(d, "partyobjecttypecode")[0])).toEqual(["8"]);
  });

  it("last activity looks back from now, newest first, one row", () => {
    const d = parseXml(q.lastActivityQuery(contact, NOW, SCOPES.all).fetchXml);
    expect(d.documentElement.getAttribute("top")).toBe("1");
    expect(valuesOf(conditionsOn(d, "actualend")[0])).toEqual([NOW.toISOString()]);
    expect(elements(d, "order")[0].getAttribute("descending")).toBe("true");
  });

  it("next activity looks forward from now among open and scheduled ones, soonest first", () => {
    const d = parseXml(q.nextActivityQuery(contact, NOW, SCOPES.all).fetchXml);
    expect(valuesOf(conditionsOn(d, "statecode")[0])).toEqual(["0", "3"]);
    expect(conditionsOn(d, "scheduledstart")[0].getAttribute("operator")).toBe("ge");
    expect(elements(d, "order")[0].hasAttribute("descending")).toBe(false);
  });

  it("email threads read at most 500 emails, their conversation index from the email table", () => {
    const d = parseXml(q.emailThreadsQuery(contact, WINDOW, SCOPES.all).fetchXml);
    expect(d.documentElement.getAttribute("top")).toBe("500");
    const index = conditionsOn(d, "conversationindex")[0];
    expect(index.getAttribute("operator")).toBe("not-null");
    const owner = index.parentNode?.parentNode as Element;
    expect(owner.getAttribute("name")).toBe("email");
    const rootColumns = elements(d, "attribute").filter((a) => (a.parentNode as Element).tagName === "entity").map((a) => a.getAttribute("name"));
    expect(rootColumns).not.toContain("conversationindex");
  });

  it("introducers are only for leads and contacts, and exclude disabled users", () => {
    expectInvalid(() => q.introducersQuery(account, WINDOW, SCOPES.all));
    expectInvalid(() => q.introducersQuery({ type: "opportunity", id: ACCOUNT_ID }, WINDOW, SCOPES.all));
    const d = parseXml(q.introducersQuery(contact, WINDOW, SCOPES.none).fetchXml);
    expect(valuesOf(conditionsOn(d, "isdisabled")[0])).toEqual(["0"]);
    expect(conditionsOn(d, "partyobjecttypecode").map(valuesOf)).toEqual([["8"]]);
    // With no mailbox data, only Regarding or Dataverse-created activities pass.
    const rule = conditionsOn(d, "exchangeitemid")[0].parentNode as Element;
    expect(rule.getAttribute("type")).toBe("or");
    expect(conditionsOn(parseXml(q.introducersQuery(contact, WINDOW, SCOPES.all).fetchXml), "exchangeitemid")).toHaveLength(0);
  });
});

describe("second-degree paths", () => {
  const builders = [q.coworkerLinksQuery, q.coworkerStandingQuery];

  it.each(builders.map((b) => [b.name, b] as const))("%s matches the account's other contacts through their company, never the record", (_name, build) => {
    const d = parseXml(build(contact, ACCOUNT_ID, WINDOW, SCOPES.all).fetchXml);
    expect(valuesOf(conditionsOn(d, "parentcustomerid")[0])).toEqual([ACCOUNT_ID]);
    const notRecord = conditionsOn(d, "partyid").find((c) => c.getAttribute("operator") === "ne");
    expect(notRecord && valuesOf(notRecord)).toEqual([CONTACT_ID]);
  });

  it.each(builders.map((b) => [b.name, b] as const))("%s applies the mailbox rules exactly as first degree does", (_name, build) => {
    expect(conditionsOn(parseXml(build(contact, ACCOUNT_ID, WINDOW, SCOPES.all).fetchXml), "exchangeitemid")).toHaveLength(0);
    expect(conditionsOn(parseXml(build(contact, ACCOUNT_ID, WINDOW, SCOPES.none).fetchXml), "exchangeitemid")).toHaveLength(1);
    const roles = parseXml(build(contact, ACCOUNT_ID, WINDOW, SCOPES.twoRolesOneOptOut).fetchXml);
    expect(conditionsOn(roles, "parentrootroleid")).toHaveLength(3);
    expect(valuesOf(conditionsOn(roles, "ownerid")[0])).toEqual([USER_B]);
  });

  it("refuses accounts and opportunities, and a bad account id", () => {
    expectInvalid(() => q.coworkerLinksQuery(account, ACCOUNT_ID, WINDOW, SCOPES.all));
    expectInvalid(() => q.coworkerStandingQuery({ type: "opportunity", id: ACCOUNT_ID }, ACCOUNT_ID, WINDOW, SCOPES.all));
    expectInvalid(() => q.coworkerLinksQuery(contact, "x' or 1=1", WINDOW, SCOPES.all));
  });
});

describe("settings, roles and users", () => {
  it("reads the settings definition with its value id and modifiedon", () => {
    const d = parseXml(q.settingsDefinitionQuery("ri_Settings").fetchXml);
    const link = elements(d, "link-entity")[0];
    expect(link.getAttribute("link-type")).toBe("outer");
    expect(elements(link, "attribute").map((a) => a.getAttribute("name"))).toEqual(["environmentvariablevalueid", "value", "modifiedon"]);
    expect(valuesOf(conditionsOn(d, "schemaname")[0])).toEqual(["ri_Settings"]);
  });

  it("reads a lead's owner, account and stakeholders (active connections to contacts) with its state and age", () => {
    const d = parseXml(q.recordFactsQuery("lead", [ACCOUNT_ID]).fetchXml);
    expect(elements(d, "attribute").map((a) => a.getAttribute("name"))).toEqual(["leadid", "statecode", "createdon", "ownerid", "parentaccountid", "record2id", "record2objecttypecode"]);
    const connection = elements(d, "link-entity")[0];
    expect([connection.getAttribute("name"), connection.getAttribute("from"), connection.getAttribute("link-type")]).toEqual(["connection", "record1id", "outer"]);
    expect(valuesOf(conditionsOn(d, "record2objecttypecode")[0])).toEqual(["2"]);
  });

  it("reads an opportunity's contact, its account's primary contact and its stakeholders and sales team", () => {
    const d = parseXml(q.recordFactsQuery("opportunity", [ACCOUNT_ID, OTHER_CONTACT]).fetchXml);
    expect(elements(d, "link-entity").map((l) => l.getAttribute("name"))).toEqual(["account", "connection"]);
    expect(valuesOf(conditionsOn(d, "record2objecttypecode")[0])).toEqual(["2", "8"]);
    expect(valuesOf(conditionsOn(d, "opportunityid")[0])).toEqual([ACCOUNT_ID, OTHER_CONTACT]);
  });

  it("roles and templates read ids and names only", () => {
    expect(elements(parseXml(q.rolesQuery().fetchXml), "attribute").map((a) => a.getAttribute("name"))).toEqual(["roleid", "name", "roletemplateid"]);
    expect(elements(parseXml(q.emailTemplatesQuery().fetchXml), "attribute").map((a) => a.getAttribute("name"))).toEqual([
      "templateid",
      "title",
      "templatetypecode",
    ]);
  });
});

describe("refusals before anything is built", () => {
  const badIds = ["", "not-a-guid", "{6f9619ff-8b86-d011-b42d-00c04fc964ff", "6f9619ff8b86d011b42d00c04fc964ff", `${CONTACT_ID}' or 1=1 --`];

  it.each(badIds)("refuses record id %p in every record builder", (id) => {
    for (const type of ["contact", "lead"] as const) {
      const record = { type, id };
      expectInvalid(() => q.interactionsQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.meetingsQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.breadthQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.lastActivityQuery(record, NOW, SCOPES.all));
      expectInvalid(() => q.nextActivityQuery(record, NOW, SCOPES.all));
      expectInvalid(() => q.emailThreadsQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.introducersQuery(record, WINDOW, SCOPES.all));
    }
    expectInvalid(() => q.recordFactsQuery("contact", [CONTACT_ID, id]));
    expectInvalid(() => q.rolesByIdQuery([id]));
  });

  it("refuses unknown record types, bad windows, bad scopes and bad lists", () => {
    expectInvalid(() => q.interactionsQuery({ type: "annotation" as never, id: CONTACT_ID }, WINDOW, SCOPES.all));
    expectInvalid(() => q.interactionsQuery(contact, { from: WINDOW.to, to: WINDOW.from }, SCOPES.all));
    expectInvalid(() => q.interactionsQuery(contact, { from: new Date(NaN), to: WINDOW.to }, SCOPES.all));
    expectInvalid(() => q.lastActivityQuery(contact, new Date("x"), SCOPES.all));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: "some" as never }));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: { roleIds: ["nope"], excludedOwnerIds: [] } }));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: { roleIds: [ROLE_A], excludedOwnerIds: ["x"] } }));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: "all", people: { theirIds: ["<x/>"], ourIds: null } }));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: "all", people: { theirIds: [], ourIds: ["<x/>"] } }));
    expectInvalid(() => q.recordFactsQuery("contact", []));
    expectInvalid(() => q.recordFactsQuery("annotation" as never, [CONTACT_ID]));
    expectInvalid(() => q.rolesByIdQuery(Array.from({ length: q.MAX_IDS_PER_QUERY + 1 }, (_, i) => `${String(i).padStart(8, "0")}-aaaa-4aaa-8aaa-aaaaaaaaaaaa`)));
    expectInvalid(() => q.settingsDefinitionQuery("ri_Settings\" or schemaname=\"x"));
  });

  it("accepts every record type with every scope", () => {
    for (const record of RECORDS) for (const scope of Object.values(SCOPES)) expect(() => q.interactionsQuery(record, WINDOW, scope)).not.toThrow();
  });
});

describe("the health list's grouped queries", () => {
  const parties: q.GroupedPath & { via: "parties" } = { via: "parties", theirIds: [CONTACT_ID, OTHER_CONTACT], ourIds: [USER_A], mailbox: { roleIds: [ROLE_A], excludedOwnerIds: [USER_B] } };

  it("join their party and our user to name the record of each row, and keep the mailbox rules", () => {
    const doc = parseXml(q.pageInteractionsQuery(parties, WINDOW).fetchXml);
    const joins = elements(doc, "link-entity").filter((l) => l.getAttribute("name") === "activityparty" && l.getAttribute("link-type") === "inner");
    expect(joins.map((l) => l.getAttribute("alias"))).toEqual(["their", "our"]);
    expect(valuesOf(conditionsOn(doc, "partyid").find((c) => c.getAttribute("operator") === "in") as Element)).toEqual([CONTACT_ID, OTHER_CONTACT]);
    expect(conditionsOn(doc, "exchangeitemid")).toHaveLength(1);
    expect(valuesOf(conditionsOn(doc, "ownerid")[0])).toEqual([USER_B]);
    // Counts name the Regarding too, so what the Regarding path counted is not counted again.
    expect(elements(doc, "attribute").some((a) => a.getAttribute("name") === "regardingobjectid" && a.getAttribute("groupby") === "true")).toBe(true);
    expect(elements(doc, "attribute").find((a) => a.getAttribute("aggregate") === "countcolumn")?.getAttribute("distinct")).toBe("true");
  });

  it("read the Regarding path without mailbox rules: an activity about the record always counts", () => {
    const doc = parseXml(q.pageBreadthQuery({ via: "regarding", recordIds: [CONTACT_ID, OTHER_CONTACT] }, WINDOW).fetchXml);
    expect(valuesOf(conditionsOn(doc, "regardingobjectid")[0])).toEqual([CONTACT_ID, OTHER_CONTACT]);
    expect(conditionsOn(doc, "exchangeitemid")).toHaveLength(0);
  });

  it("refuse ids that are not GUIDs and lists longer than one condition carries", () => {
    expectInvalid(() => q.pageLatestQuery({ via: "regarding", recordIds: [`${CONTACT_ID}' or 1=1`] }, NOW));
    expectInvalid(() => q.pageLatestQuery({ ...parties, ourIds: ["<value>x</value>"] }, NOW));
    expectInvalid(() => q.pageBreadthQuery({ ...parties, theirIds: [] }, WINDOW));
    const many = Array.from({ length: q.MAX_IDS_PER_QUERY + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expectInvalid(() => q.pageInteractionsQuery({ via: "regarding", recordIds: many }, WINDOW));
  });
});
