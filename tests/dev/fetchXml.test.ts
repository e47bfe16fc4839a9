import { DataverseStore } from "../../dev/dataverse/store";
import { DataverseStandIn } from "../../dev/dataverse/standIn";

const U1 = "11111111-1111-4111-8111-111111111111";
const U2 = "22222222-2222-4222-8222-222222222222";
const C1 = "c0000000-0000-4000-8000-000000000001";
const C2 = "c0000000-0000-4000-8000-000000000002";
const L1 = "1ead0000-0000-4000-8000-000000000001";

/** Four activities with known parties: small enough to check every answer by hand. */
function fixture(): DataverseStandIn {
  const store = new DataverseStore({ clock: () => new Date("2026-03-01T00:00:00Z") });
  store.insert("systemuser", { systemuserid: U1, fullname: "User One", isdisabled: false });
  store.insert("systemuser", { systemuserid: U2, fullname: "User Two", isdisabled: false });
  store.insert("contact", { contactid: C1, fullname: "Contact One", emailaddress1: "one@example.com" });
  store.insert("contact", { contactid: C2, fullname: "Contact Two", emailaddress1: "two@sample.org" });
  store.insert("lead", { leadid: L1, fullname: "Lead One", statecode: 0 });
  const activity = (id: string, type: string, end: string, values: Record<string, unknown>, parties: [string, string, number][]): void => {
    store.insert(type, { activityid: id, actualend: end, ownerid: U1, ...values });
    parties.forEach(([partyid, table, mask]) =>
      store.insert("activityparty", { activityid: id, partyid, partyobjecttypecode: table, participationtypemask: mask }),
    );
  };
  activity("a0000000-0000-4000-8000-000000000001", "email", "2026-01-05T23:30:00Z", { directioncode: true, conversationindex: "t1", regardingobjectid: C1, regardingobjecttypecode: "contact" }, [
    [U1, "systemuser", 1],
    [C1, "contact", 2],
  ]);
  activity("a0000000-0000-4000-8000-000000000002", "email", "2026-01-06T08:00:00Z", { directioncode: false, conversationindex: "t1", exchangeitemid: "AAMk1" }, [
    [C1, "contact", 1],
    [U1, "systemuser", 2],
    [U2, "systemuser", 3],
  ]);
  activity("a0000000-0000-4000-8000-000000000003", "appointment", "2026-02-10T10:00:00Z", { actualdurationminutes: 60 }, [
    [U1, "systemuser", 7],
    [U1, "systemuser", 5],
    [U2, "systemuser", 5],
    [C1, "contact", 5],
    [C2, "contact", 6],
  ]);
  activity("a0000000-0000-4000-8000-000000000004", "phonecall", "2026-02-11T09:00:00Z", { actualdurationminutes: 15, directioncode: true, regardingobjectid: L1, regardingobjecttypecode: "lead" }, [
    [U2, "systemuser", 1],
    [L1, "lead", 2],
  ]);
  return new DataverseStandIn(store);
}

async function fetchRows(standIn: DataverseStandIn, entity: string, xml: string): Promise<Record<string, unknown>[]> {
  const result = await standIn.retrieveMultipleRecords(entity, "?fetchXml=" + encodeURIComponent(xml));
  return result.entities;
}

const ids = (rows: Record<string, unknown>[]): string[] => rows.map((row) => String(row.activityid).slice(-1));

describe("FetchXML evaluation: plain queries", () => {
  it("returns plain attributes, lookups as _x_value with their table, and leaves nulls out", async () => {
    const rows = await fetchRows(fixture(), "email", `
      <fetch><entity name="email">
        <attribute name="activityid"/><attribute name="regardingobjectid"/><attribute name="directioncode"/><attribute name="messageid"/>
        <filter><condition attribute="activityid" operator="eq" value="{A0000000-0000-4000-8000-000000000001}"/></filter>
      </entity></fetch>`);
    expect(rows).toEqual([
      {
        activityid: "a0000000-0000-4000-8000-000000000001",
        _regardingobjectid_value: C1,
        "_regardingobjectid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "contact",
        directioncode: true,
        "directioncode@OData.Community.Display.V1.FormattedValue": "Outgoing",
      },
    ]);
  });

  it("filters with nested and/or, in, not-null, like and date operators", async () => {
    const standIn = fixture();
    const query = (filter: string): Promise<Record<string, unknown>[]> =>
      fetchRows(standIn, "activitypointer", `<fetch><entity name="activitypointer"><attribute name="activityid"/>${filter}<order attribute="actualend"/></entity></fetch>`);
    expect(ids(await query(`<filter type="or"><condition attribute="activitytypecode" operator="eq" value="phonecall"/>
      <filter><condition attribute="activitytypecode" operator="in"><value>email</value><value>task</value></condition>
      <condition attribute="exchangeitemid" operator="not-null"/></filter></filter>`))).toEqual(["2", "4"]);
    expect(ids(await query(`<filter><condition attribute="actualend" operator="on-or-after" value="2026-01-06"/>
      <condition attribute="actualend" operator="on-or-before" value="2026-02-10"/></filter>`))).toEqual(["2", "3"]);
    expect(ids(await query(`<filter><condition attribute="actualend" operator="between"><value>2026-01-05T23:30:00Z</value><value>2026-02-10T10:00:00Z</value></condition></filter>`))).toEqual(["1", "2", "3"]);
    expect(ids(await query(`<filter><condition attribute="actualend" operator="lt" value="2026-01-06T01:00:00+01:00"/></filter>`))).toEqual(["1"]);
    expect(ids(await query(`<filter><condition attribute="actualdurationminutes" operator="ge" value="15"/><condition attribute="actualdurationminutes" operator="le" value="59"/></filter>`))).toEqual(["4"]);
    const incoming = await fetchRows(standIn, "email", `<fetch><entity name="email"><attribute name="activityid"/><filter><condition attribute="directioncode" operator="ne" value="1"/></filter></entity></fetch>`);
    expect(ids(incoming)).toEqual(["2"]);
    expect(ids(await query(`<filter><condition attribute="regardingobjectid" operator="null"/></filter>`))).toEqual(["2", "3"]);
    expect(ids(await query(`<filter><condition attribute="ownerid" operator="not-in"><value>${U2}</value></condition></filter>`))).toEqual(["1", "2", "3", "4"]);
    const contacts = await fetchRows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/>
      <filter><condition attribute="emailaddress1" operator="like" value="%@EXAMPLE.com"/></filter></entity></fetch>`);
    expect(contacts.map((c) => c.fullname)).toEqual(["Contact One"]);
  });

  it("compares partyobjecttypecode with object type codes and lets an inner link filter the root", async () => {
    const rows = await fetchRows(fixture(), "activitypointer", `
      <fetch><entity name="activitypointer"><attribute name="activityid"/><order attribute="actualend" descending="true"/>
        <link-entity name="activityparty" from="activityid" to="activityid" alias="p">
          <attribute name="partyid"/><attribute name="participationtypemask"/>
          <filter><condition attribute="partyobjecttypecode" operator="in"><value>2</value><value>4</value></condition>
          <condition attribute="participationtypemask" operator="in"><value>1</value><value>2</value><value>5</value></condition></filter>
        </link-entity></entity></fetch>`);
    expect(rows.map((r) => [String(r.activityid).slice(-1), r["p.partyid"], r["p.participationtypemask"]])).toEqual([
      ["4", L1, 2],
      ["3", C1, 5],
      ["2", C1, 1],
      ["1", C1, 2],
    ]);
    expect(rows[0]["p.partyid@Microsoft.Dynamics.CRM.lookuplogicalname"]).toBe("lead");
  });

  it("keeps unmatched rows of an outer link and filters them with entityname conditions", async () => {
    const standIn = fixture();
    const outer = (condition: string): Promise<Record<string, unknown>[]> =>
      fetchRows(standIn, "activitypointer", `
      <fetch><entity name="activitypointer"><attribute name="activityid"/><order attribute="actualend"/>
        <link-entity name="email" from="activityid" to="activityid" link-type="outer" alias="em"><attribute name="directioncode"/></link-entity>
        <filter type="or">${condition}</filter></entity></fetch>`);
    const all = await outer(`<condition attribute="activityid" operator="not-null"/>`);
    expect(all.map((r) => r["em.directioncode"])).toEqual([true, false, undefined, undefined]);
    const notIncomingEmail = await outer(`<condition entityname="em" attribute="activityid" operator="null"/>
      <condition entityname="em" attribute="directioncode" operator="eq" value="1"/>`);
    expect(ids(notIncomingEmail)).toEqual(["1", "3", "4"]);
  });

  it("applies a root AND that mixes own and linked conditions", async () => {
    const rows = await fetchRows(fixture(), "activitypointer", `
      <fetch><entity name="activitypointer"><attribute name="activityid"/><order attribute="actualend"/>
        <link-entity name="activityparty" from="activityid" to="activityid" link-type="outer" alias="cc">
          <filter><condition attribute="participationtypemask" operator="eq" value="3"/></filter>
        </link-entity>
        <filter><condition attribute="activitytypecode" operator="eq" value="email"/>
          <filter type="or"><condition entityname="cc" attribute="partyid" operator="null"/><condition attribute="exchangeitemid" operator="null"/></filter>
        </filter></entity></fetch>`);
    expect(ids(rows)).toEqual(["1"]);
  });

  it("joins through nested link-entities", async () => {
    const rows = await fetchRows(fixture(), "systemuser", `
      <fetch distinct="true"><entity name="systemuser"><attribute name="fullname"/><order attribute="fullname"/>
        <link-entity name="activityparty" from="partyid" to="systemuserid">
          <link-entity name="appointment" from="activityid" to="activityid" alias="meeting">
            <attribute name="actualdurationminutes"/>
          </link-entity>
        </link-entity></entity></fetch>`);
    expect(rows).toEqual([
      { fullname: "User One", "meeting.actualdurationminutes": 60 },
      { fullname: "User Two", "meeting.actualdurationminutes": 60 },
    ]);
  });

  it("applies top and count after ordering", async () => {
    const standIn = fixture();
    const top = await fetchRows(standIn, "activitypointer", `<fetch top="2"><entity name="activitypointer"><attribute name="activityid"/><order attribute="actualend" descending="true"/></entity></fetch>`);
    expect(ids(top)).toEqual(["4", "3"]);
    const page = await standIn.retrieveMultipleRecords("activitypointer", "?fetchXml=" + encodeURIComponent(`<fetch count="3"><entity name="activitypointer"><attribute name="activityid"/><order attribute="actualend"/></entity></fetch>`));
    expect(ids(page.entities)).toEqual(["1", "2", "3"]);
    expect(page["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
    expect(page.nextLink).toBeUndefined();
  });
});

describe("FetchXML evaluation: aggregates", () => {
  it("groups by type and UTC day, counts, sums and takes the latest date", async () => {
    const rows = await fetchRows(fixture(), "activitypointer", `
      <fetch aggregate="true"><entity name="activitypointer">
        <attribute name="activitytypecode" alias="kind" groupby="true"/>
        <attribute name="actualend" alias="year" groupby="true" dategrouping="year"/>
        <attribute name="actualend" alias="month" groupby="true" dategrouping="month"/>
        <attribute name="actualend" alias="day" groupby="true" dategrouping="day" usertimezone="false"/>
        <attribute name="activityid" alias="n" aggregate="count"/>
        <attribute name="actualdurationminutes" alias="minutes" aggregate="sum"/>
        <attribute name="actualend" alias="last" aggregate="max"/>
        <order alias="month"/><order alias="day"/>
      </entity></fetch>`);
    expect(rows).toEqual([
      { kind: "email", year: 2026, month: 1, day: 5, n: 1, last: "2026-01-05T23:30:00Z" },
      { kind: "email", year: 2026, month: 1, day: 6, n: 1, last: "2026-01-06T08:00:00Z" },
      { kind: "appointment", year: 2026, month: 2, day: 10, n: 1, minutes: 60, last: "2026-02-10T10:00:00Z" },
      { kind: "phonecall", year: 2026, month: 2, day: 11, n: 1, minutes: 15, last: "2026-02-11T09:00:00Z" },
    ]);
  });

  it("groups by ISO week", async () => {
    const rows = await fetchRows(fixture(), "activitypointer", `
      <fetch aggregate="true"><entity name="activitypointer">
        <attribute name="actualend" alias="week" groupby="true" dategrouping="week"/>
        <attribute name="activityid" alias="n" aggregate="count"/><order alias="week"/>
      </entity></fetch>`);
    expect(rows).toEqual([
      { week: 2, n: 2 },
      { week: 7, n: 2 },
    ]);
  });

  it("counts distinct people per side through a link, with lookups grouped by GUID", async () => {
    const rows = await fetchRows(fixture(), "activityparty", `
      <fetch aggregate="true"><entity name="activityparty">
        <attribute name="partyobjecttypecode" alias="side" groupby="true"/>
        <attribute name="partyid" alias="people" aggregate="countcolumn" distinct="true"/>
        <attribute name="partyid" alias="mentions" aggregate="countcolumn"/>
        <link-entity name="activitypointer" from="activityid" to="activityid">
          <filter><condition attribute="actualend" operator="lt" value="2026-02-11T00:00:00Z"/></filter>
        </link-entity>
        <order alias="side"/>
      </entity></fetch>`);
    expect(rows).toEqual([
      { side: "contact", people: 2, mentions: 4 },
      { side: "systemuser", people: 2, mentions: 6 },
    ]);
    const byParty = await fetchRows(fixture(), "activityparty", `
      <fetch aggregate="true"><entity name="activityparty">
        <attribute name="partyid" alias="who" groupby="true"/><attribute name="activityid" alias="n" aggregate="countcolumn" distinct="true"/>
        <filter><condition attribute="partyid" operator="eq" value="${U2}"/></filter></entity></fetch>`);
    expect(byParty).toEqual([{ who: U2, "who@Microsoft.Dynamics.CRM.lookuplogicalname": "systemuser", n: 3 }]);
  });

  it("answers one row with a zero count and no property for the empty sums, minimums and means", async () => {
    const rows = await fetchRows(fixture(), "activitypointer", `
      <fetch aggregate="true"><entity name="activitypointer">
        <attribute name="activityid" alias="n" aggregate="count"/><attribute name="actualdurationminutes" alias="total" aggregate="sum"/>
        <attribute name="actualend" alias="first" aggregate="min"/><attribute name="actualdurationminutes" alias="mean" aggregate="avg"/>
        <filter><condition attribute="activitytypecode" operator="eq" value="task"/></filter></entity></fetch>`);
    expect(rows).toEqual([{ n: 0 }]);
  });

  it("rejects aggregates over more source rows than the limit, like Dataverse", async () => {
    const standIn = fixture();
    standIn.setAggregateLimit(3);
    const xml = `<fetch aggregate="true"><entity name="activitypointer"><attribute name="activityid" alias="n" aggregate="count"/></entity></fetch>`;
    await expect(fetchRows(standIn, "activitypointer", xml)).rejects.toEqual({
      errorCode: 2147803171,
      message: "AggregateQueryRecordLimit exceeded. Cannot perform this operation.",
    });
    standIn.faults.aggregateMessage = "client";
    await expect(fetchRows(standIn, "activitypointer", xml)).rejects.toEqual({
      errorCode: 2147803171,
      message: "The maximum record limit is exceeded. Reduce the number of records.",
    });
    standIn.setAggregateLimit(4);
    await expect(fetchRows(standIn, "activitypointer", xml)).resolves.toEqual([{ n: 4 }]);
  });
});

describe("FetchXML evaluation: refusals", () => {
  const refused: [string, string, RegExp][] = [
    ["all-attributes", `<fetch><entity name="contact"><all-attributes/></entity></fetch>`, /all-attributes/],
    ["an unknown operator", `<fetch><entity name="contact"><attribute name="fullname"/><filter><condition attribute="createdon" operator="last-x-days" value="3"/></filter></entity></fetch>`, /last-x-days/],
    ["an unknown table", `<fetch><entity name="contact"><attribute name="fullname"/><link-entity name="invoice" from="invoiceid" to="contactid"/></entity></fetch>`, /invoice/],
    ["an unsupported link type", `<fetch><entity name="contact"><attribute name="fullname"/><filter><link-entity name="account" from="primarycontactid" to="contactid" link-type="not all"/></filter></entity></fetch>`, /not all/],
    ["a link type nobody documents", `<fetch><entity name="contact"><attribute name="fullname"/><link-entity name="account" from="accountid" to="parentcustomerid" link-type="left"/></entity></fetch>`, /left/],
    ["an any link outside a filter", `<fetch><entity name="contact"><attribute name="fullname"/><link-entity name="account" from="primarycontactid" to="contactid" link-type="any"/></entity></fetch>`, /inside a <filter>/],
    ["columns from an exists link", `<fetch><entity name="contact"><attribute name="fullname"/><link-entity name="account" from="primarycontactid" to="contactid" link-type="exists" alias="a"><attribute name="name"/></link-entity></entity></fetch>`, /cannot return columns/],
    ["an attribute Fetch.xsd does not declare", `<fetch usertimezone="false"><entity name="contact"><attribute name="fullname"/></entity></fetch>`, /usertimezone/],
    ["top with paging", `<fetch top="2" page="1"><entity name="contact"><attribute name="fullname"/></entity></fetch>`, /top/],
    ["an unknown attribute on an element", `<fetch><entity name="contact"><attribute name="fullname" build="1.0"/></entity></fetch>`, /build/],
    ["quarter date grouping", `<fetch aggregate="true"><entity name="contact"><attribute name="createdon" alias="q" groupby="true" dategrouping="quarter"/></entity></fetch>`, /quarter/],
    ["an aggregate attribute without alias", `<fetch aggregate="true"><entity name="contact"><attribute name="contactid" aggregate="count"/></entity></fetch>`, /alias/],
    ["a plain attribute in an aggregate", `<fetch aggregate="true"><entity name="contact"><attribute name="fullname" alias="f"/></entity></fetch>`, /groupby/],
    ["ordering an aggregate by attribute", `<fetch aggregate="true"><entity name="contact"><attribute name="contactid" alias="n" aggregate="count"/><order attribute="fullname"/></entity></fetch>`, /order/],
    ["an entityname naming no alias", `<fetch><entity name="contact"><attribute name="fullname"/><filter><condition entityname="x" attribute="name" operator="null"/></filter></entity></fetch>`, /entityname/],
    ["a malformed GUID", `<fetch><entity name="contact"><attribute name="fullname"/><filter><condition attribute="contactid" operator="eq" value="1 or 1=1"/></filter></entity></fetch>`, /GUID/],
    ["broken XML", `<fetch><entity name="contact">`, /well-formed/],
    ["a paging cookie that is not one", `<fetch page="2" paging-cookie="x"><entity name="contact"><attribute name="fullname"/></entity></fetch>`, /paging-cookie/],
  ];
  it.each(refused)("refuses %s with a message that names it", async (_, xml, message) => {
    await expect(fetchRows(fixture(), "contact", xml)).rejects.toThrow(message);
  });

  it("refuses a fetch whose entity differs from the table asked", async () => {
    await expect(fetchRows(fixture(), "lead", `<fetch><entity name="contact"><attribute name="fullname"/></entity></fetch>`)).rejects.toThrow(/lead/);
  });
});
