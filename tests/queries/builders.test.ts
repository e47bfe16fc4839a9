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

  it("counts completed activities ending inside the half-open window", () => {
    const d = doc(contact, SCOPES.all);
    expect(valuesOf(conditionsOn(d, "statecode")[0])).toEqual(["1"]);
    const ends = conditionsOn(d, "actualend").map((c) => [c.getAttribute("operator"), c.getAttribute("value")]);
    expect(ends).toEqual([
      ["ge", "2024-01-01T00:00:00.000Z"],
      ["lt", "2024-03-01T00:00:00.000Z"],
    ]);
  });

  it("reaches the record by Regarding or as a party, with the normalized id", () => {
    const d = doc({ type: "contact", id: `{${CONTACT_ID.toUpperCase()}}` }, SCOPES.all);
    expect(valuesOf(conditionsOn(d, "regardingobjectid")[0])).toEqual([CONTACT_ID]);
    expect(valuesOf(conditionsOn(d, "partyid")[0])).toEqual([CONTACT_ID]);
    const party = conditionsOn(d, "activitypartyid")[0];
    expect(party.getAttribute("entityname")).toBe("recordparty");
    const either = party.parentNode as Element;
    expect(either.getAttribute("type")).toBe("or");
    expect(conditionsOn(d, "regardingobjectid")[0].parentNode).toBe(either);
  });

  it("lets mailbox data through only as the scope allows", () => {
    expect(conditionsOn(doc(contact, SCOPES.all), "exchangeitemid")).toHaveLength(0);
    expect(conditionsOn(doc(contact, SCOPES.none), "exchangeitemid")).toHaveLength(1);
    expect(conditionsOn(doc(contact, SCOPES.none), "ownerid")).toHaveLength(0);
    const owners = doc(contact, SCOPES.twoOwners);
    expect(conditionsOn(owners, "exchangeitemid")[0].getAttribute("operator")).toBe("null");
    expect(valuesOf(conditionsOn(owners, "ownerid")[0])).toEqual([USER_A, USER_B]);
  });

  it("treats an empty owner list as no mailbox data", () => {
    expect(q.interactionsQuery(contact, WINDOW, SCOPES.noOwners).fetchXml).toBe(q.interactionsQuery(contact, WINDOW, SCOPES.none).fetchXml);
  });

  it("counts an account's contacts as parties but keeps Regarding on the account", () => {
    const d = doc(account, { mailbox: "all", relatedPartyIds: [OTHER_CONTACT, ACCOUNT_ID] });
    expect(valuesOf(conditionsOn(d, "partyid")[0])).toEqual([ACCOUNT_ID, OTHER_CONTACT]);
    expect(valuesOf(conditionsOn(d, "regardingobjectid")[0])).toEqual([ACCOUNT_ID]);
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
  it("meeting attendance counts distinct attendees per appointment and side", () => {
    const d = parseXml(q.meetingAttendanceQuery(contact, WINDOW, SCOPES.all).fetchXml);
    expect(valuesOf(conditionsOn(d, "activitytypecode")[0])).toEqual(["appointment"]);
    const attendees = elements(d, "attribute").find((a) => a.getAttribute("alias") === "attendees");
    expect(attendees?.getAttribute("aggregate")).toBe("countcolumn");
    expect(attendees?.getAttribute("distinct")).toBe("true");
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

  it("email threads read at most 500 distinct emails with a conversation index", () => {
    const d = parseXml(q.emailThreadsQuery(contact, WINDOW, SCOPES.all).fetchXml);
    expect(d.documentElement.getAttribute("top")).toBe("500");
    expect(d.documentElement.getAttribute("distinct")).toBe("true");
    expect(conditionsOn(d, "conversationindex")[0].getAttribute("operator")).toBe("not-null");
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

describe("settings, roles and users", () => {
  it("reads the settings definition with its value id and modifiedon", () => {
    const d = parseXml(q.settingsDefinitionQuery("ri_Settings").fetchXml);
    const link = elements(d, "link-entity")[0];
    expect(link.getAttribute("link-type")).toBe("outer");
    expect(elements(link, "attribute").map((a) => a.getAttribute("name"))).toEqual(["environmentvariablevalueid", "value", "modifiedon"]);
    expect(valuesOf(conditionsOn(d, "schemaname")[0])).toEqual(["ri_Settings"]);
  });

  it("finds users holding any selected role, once each", () => {
    const d = parseXml(q.usersWithRolesQuery([USER_A, USER_A.toUpperCase(), USER_B]).fetchXml);
    expect(d.documentElement.getAttribute("distinct")).toBe("true");
    // Matched on the root role, so the copies every business unit holds count too.
    expect(valuesOf(conditionsOn(d, "parentrootroleid")[0])).toEqual([USER_A, USER_B]);
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
      expectInvalid(() => q.meetingAttendanceQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.breadthQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.lastActivityQuery(record, NOW, SCOPES.all));
      expectInvalid(() => q.nextActivityQuery(record, NOW, SCOPES.all));
      expectInvalid(() => q.emailThreadsQuery(record, WINDOW, SCOPES.all));
      expectInvalid(() => q.introducersQuery(record, WINDOW, SCOPES.all));
    }
    expectInvalid(() => q.usersQuery([USER_A, id]));
    expectInvalid(() => q.userRoleIdsQuery(id));
    expectInvalid(() => q.usersWithRolesQuery([id]));
    expectInvalid(() => q.accountContactIdsQuery(id));
  });

  it("refuses unknown record types, bad windows, bad scopes and bad lists", () => {
    expectInvalid(() => q.interactionsQuery({ type: "annotation" as never, id: CONTACT_ID }, WINDOW, SCOPES.all));
    expectInvalid(() => q.interactionsQuery(contact, { from: WINDOW.to, to: WINDOW.from }, SCOPES.all));
    expectInvalid(() => q.interactionsQuery(contact, { from: new Date(NaN), to: WINDOW.to }, SCOPES.all));
    expectInvalid(() => q.lastActivityQuery(contact, new Date("x"), SCOPES.all));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: "some" as never }));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: { ownerIds: ["nope"] } }));
    expectInvalid(() => q.interactionsQuery(contact, WINDOW, { mailbox: "all", relatedPartyIds: ["<x/>"] }));
    expectInvalid(() => q.usersQuery([]));
    expectInvalid(() => q.usersWithRolesQuery(Array.from({ length: q.MAX_IDS_PER_QUERY + 1 }, () => USER_A)));
    expectInvalid(() => q.settingsDefinitionQuery("ri_Settings\" or schemaname=\"x"));
  });

  it("accepts every record type with every scope", () => {
    for (const record of RECORDS) for (const scope of Object.values(SCOPES)) expect(() => q.interactionsQuery(record, WINDOW, scope)).not.toThrow();
  });
});
