import { DataverseStore } from "../../dev/dataverse/store";
import { DataverseStandIn, FetchPage, StandInOptions } from "../../dev/dataverse/standIn";

const U1 = "11111111-1111-4111-8111-111111111111";
const CONTACTS = Array.from({ length: 7 }, (_, i) => `c0000000-0000-4000-8000-00000000000${i + 1}`);

/** Seven contacts, two of whom are on emails (one on two emails), plus activities either side of a DST change. */
function setup(options: StandInOptions = {}): DataverseStandIn {
  const store = new DataverseStore({ clock: () => new Date("2026-11-01T00:00:00Z") });
  store.insert("systemuser", { systemuserid: U1, fullname: "User One" });
  CONTACTS.forEach((contactid, i) => store.insert("contact", { contactid, fullname: `Contact ${i + 1}` }));
  // Bucharest leaves summer time (+3) for winter time (+2) on 2026-10-25 at 04:00 local.
  const ends = ["2026-10-24T21:30:00Z", "2026-10-25T21:30:00Z", "2026-10-25T22:30:00Z"];
  ends.forEach((actualend, i) => {
    const activityid = store.insert("email", { actualend, ownerid: U1, directioncode: true, conversationindex: `t${i}` });
    store.insert("activityparty", { activityid, partyid: CONTACTS[i === 2 ? 0 : i], partyobjecttypecode: "contact", participationtypemask: 2 });
  });
  return new DataverseStandIn(store, options);
}

async function fetchPage(standIn: DataverseStandIn, entity: string, xml: string): Promise<FetchPage> {
  return standIn.retrieveMultipleRecords(entity, "?fetchXml=" + encodeURIComponent(xml));
}

const rows = async (standIn: DataverseStandIn, entity: string, xml: string): Promise<Record<string, unknown>[]> =>
  (await fetchPage(standIn, entity, xml)).entities;

describe("names a table does not publish are refused with Dataverse's error", () => {
  const refusal = (table: string, column: string): object => ({
    errorCode: 2147750147,
    message: `'${table}' entity doesn't contain attribute with Name = '${column}' and NameMapping = 'Logical'`,
  });

  it.each([
    ["an attribute", `<attribute name="conversationindex"/>`],
    ["a condition", `<attribute name="activityid"/><filter><condition attribute="conversationindex" operator="not-null"/></filter>`],
    ["an order", `<attribute name="activityid"/><order attribute="conversationindex"/>`],
  ])("conversationindex in %s on activitypointer (it is an email column)", async (_, body) => {
    await expect(rows(setup(), "activitypointer", `<fetch><entity name="activitypointer">${body}</entity></fetch>`)).rejects.toEqual(
      refusal("activitypointer", "conversationindex"),
    );
    const onEmail = rows(setup(), "email", `<fetch><entity name="email">${body.replace("activitypointer", "email")}</entity></fetch>`);
    await expect(onEmail).resolves.toBeInstanceOf(Array);
  });

  it("a link-entity's from and to, each against its own table", async () => {
    const standIn = setup();
    await expect(rows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/>
      <link-entity name="activityparty" from="partyidx" to="contactid"/></entity></fetch>`)).rejects.toEqual(refusal("activityparty", "partyidx"));
    await expect(rows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/>
      <link-entity name="activityparty" from="partyid" to="regardingobjectid"/></entity></fetch>`)).rejects.toEqual(refusal("contact", "regardingobjectid"));
  });

  it("directioncode on activitypointer, which only email and phonecall publish", async () => {
    await expect(rows(setup(), "activitypointer", `<fetch aggregate="true"><entity name="activitypointer">
      <attribute name="directioncode" alias="out" groupby="true"/><attribute name="activityid" alias="n" aggregate="count"/></entity></fetch>`)).rejects.toEqual(
      refusal("activitypointer", "directioncode"),
    );
  });
});

describe("filter link types and exists never multiply the parent row", () => {
  const partyLink = (type: string): string =>
    `<link-entity name="activityparty" from="partyid" to="contactid" link-type="${type}"><filter><condition attribute="participationtypemask" operator="eq" value="2"/></filter></link-entity>`;

  it("any: contacts with at least one matching party, each once", async () => {
    const found = await rows(setup(), "contact", `<fetch><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/>
      <filter>${partyLink("any")}</filter></entity></fetch>`);
    expect(found.map((c) => c.fullname)).toEqual(["Contact 1", "Contact 2"]);
  });

  it("not any: the other five; and any inside an or filter", async () => {
    const standIn = setup();
    const none = await rows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/><filter>${partyLink("not any")}</filter></entity></fetch>`);
    expect(none).toHaveLength(5);
    const either = await rows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/>
      <filter type="or">${partyLink("any")}<condition attribute="fullname" operator="eq" value="Contact 7"/></filter></entity></fetch>`);
    expect(either.map((c) => c.fullname)).toEqual(["Contact 1", "Contact 2", "Contact 7"]);
  });

  it("exists and in as children of the entity, against an inner join that repeats Contact 1", async () => {
    const standIn = setup();
    const inner = await rows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/>${partyLink("inner")}</entity></fetch>`);
    expect(inner.map((c) => c.fullname).sort()).toEqual(["Contact 1", "Contact 1", "Contact 2"]);
    for (const type of ["exists", "in"]) {
      const once = await rows(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/>${partyLink(type)}</entity></fetch>`);
      expect(once.map((c) => c.fullname).sort()).toEqual(["Contact 1", "Contact 2"]);
    }
  });
});

describe("dates in the user's time zone", () => {
  const byDay = (extra = ""): string => `<fetch aggregate="true"><entity name="email">
    <attribute name="actualend" alias="month" groupby="true" dategrouping="month"${extra}/>
    <attribute name="actualend" alias="day" groupby="true" dategrouping="day"${extra}/>
    <attribute name="activityid" alias="n" aggregate="count"/><order alias="month"/><order alias="day"/></entity></fetch>`;

  it("groups by the Bucharest day across the end of summer time, and by the UTC day when usertimezone is false", async () => {
    const standIn = setup({ userTimeZone: "Europe/Bucharest" });
    expect(await rows(standIn, "email", byDay())).toEqual([
      { month: 10, day: 25, n: 2 },
      { month: 10, day: 26, n: 1 },
    ]);
    expect(await rows(standIn, "email", byDay(` usertimezone="false"`))).toEqual([
      { month: 10, day: 24, n: 1 },
      { month: 10, day: 25, n: 2 },
    ]);
  });

  it("defaults to UTC and follows a change of zone", async () => {
    const standIn = setup();
    expect((await rows(standIn, "email", byDay())).map((g) => g.day)).toEqual([24, 25]);
    standIn.setUserTimeZone("Europe/Bucharest");
    expect((await rows(standIn, "email", byDay())).map((g) => g.day)).toEqual([25, 26]);
    expect(() => standIn.setUserTimeZone("Mars/Olympus")).toThrow(RangeError);
  });

  it("evaluates on, on-or-after and on-or-before on the user's calendar day", async () => {
    const standIn = setup({ userTimeZone: "Europe/Bucharest" });
    const count = async (operator: string, day: string): Promise<number> =>
      (await rows(standIn, "email", `<fetch><entity name="email"><attribute name="activityid"/><filter><condition attribute="actualend" operator="${operator}" value="${day}"/></filter></entity></fetch>`)).length;
    expect(await count("on", "2026-10-25")).toBe(2);
    expect(await count("on-or-after", "2026-10-26")).toBe(1);
    expect(await count("on-or-before", "2026-10-24")).toBe(0);
  });
});

describe("FetchXML paging", () => {
  const contactsXml = (extra = ""): string => `<fetch count="3"${extra}><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/></entity></fetch>`;
  const attribute = (xml: string): string => xml.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

  it("announces more rows with morerecords and the paging cookie (both spellings), never a nextLink, and follows the pages", async () => {
    const standIn = setup();
    const first = await fetchPage(standIn, "contact", contactsXml());
    expect(first.entities.map((c) => String(c.fullname))).toEqual(["Contact 1", "Contact 2", "Contact 3"]);
    expect(first["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
    expect(first.nextLink).toBeUndefined();
    const element = first["@Microsoft.Dynamics.CRM.fetchxmlpagingcookie"] as string;
    expect(first.fetchXmlPagingCookie).toBe(element);
    expect(element).toMatch(/^<cookie pagenumber="2" pagingcookie="%253ccookie%2520page%253d%25221%2522.*" istracking="False" \/>$/);
    const cookie = decodeURIComponent(decodeURIComponent(/pagingcookie="([^"]+)"/.exec(element)?.[1] ?? ""));
    expect(cookie).toBe(`<cookie page="1"><contactid last="{${CONTACTS[2].toUpperCase()}}" first="{${CONTACTS[0].toUpperCase()}}" /></cookie>`);

    const second = await fetchPage(standIn, "contact", contactsXml(` page="2" paging-cookie="${attribute(cookie)}"`));
    expect(second.entities.map((c) => String(c.fullname))).toEqual(["Contact 4", "Contact 5", "Contact 6"]);
    expect(second["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
    const last = await fetchPage(standIn, "contact", contactsXml(` page="3"`));
    expect(last.entities.map((c) => String(c.fullname))).toEqual(["Contact 7"]);
    expect(last).not.toHaveProperty("@Microsoft.Dynamics.CRM.morerecords");
    expect(last).not.toHaveProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie");
  });

  it("pages 5,000 rows by default and aggregate results by page, without a cookie", async () => {
    const store = new DataverseStore();
    for (let i = 0; i < 5003; i++) store.insert("contact", { fullname: `C${i}`, jobtitle: `T${i % 5002}` });
    const standIn = new DataverseStandIn(store);
    const plain = await fetchPage(standIn, "contact", `<fetch><entity name="contact"><attribute name="fullname"/></entity></fetch>`);
    expect(plain.entities).toHaveLength(5000);
    expect(plain["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
    const grouped = `<fetch aggregate="true"PAGE><entity name="contact"><attribute name="jobtitle" alias="t" groupby="true"/><attribute name="contactid" alias="n" aggregate="count"/><order alias="t"/></entity></fetch>`;
    const page1 = await fetchPage(standIn, "contact", grouped.replace("PAGE", ""));
    expect(page1.entities).toHaveLength(5000);
    expect(page1["@Microsoft.Dynamics.CRM.morerecords"]).toBe(true);
    expect(page1).not.toHaveProperty("@Microsoft.Dynamics.CRM.fetchxmlpagingcookie");
    const page2 = await fetchPage(standIn, "contact", grouped.replace("PAGE", ` page="2"`));
    expect(page2.entities).toHaveLength(2);
  });
});

describe("row shapes", () => {
  it("names link-entity columns alias.column, or alias_x002e_column when asked, and leaves unmatched ones out", async () => {
    const xml = `<fetch><entity name="contact"><attribute name="fullname"/><order attribute="fullname"/>
      <link-entity name="activityparty" from="partyid" to="contactid" link-type="outer" alias="p"><attribute name="participationtypemask"/></link-entity></entity></fetch>`;
    const dotted = await rows(setup(), "contact", xml);
    expect(dotted[0]).toMatchObject({ fullname: "Contact 1", "p.participationtypemask": 2 });
    expect(dotted[dotted.length - 1]).not.toHaveProperty("p.participationtypemask");
    const escaped = await rows(setup({ linkedColumnNames: "escaped" }), "contact", xml);
    expect(escaped[0]).toMatchObject({ fullname: "Contact 1", p_x002e_participationtypemask: 2 });
  });

  it("groups a lookup under its alias as the GUID, and leaves out a group whose value is null", async () => {
    const grouped = await rows(setup(), "activityparty", `<fetch aggregate="true"><entity name="activityparty">
      <attribute name="partyid" alias="who" groupby="true"/><attribute name="activityid" alias="n" aggregate="count"/><order alias="who"/></entity></fetch>`);
    expect(grouped).toEqual([
      { who: CONTACTS[0], "who@Microsoft.Dynamics.CRM.lookuplogicalname": "contact", n: 2 },
      { who: CONTACTS[1], "who@Microsoft.Dynamics.CRM.lookuplogicalname": "contact", n: 1 },
    ]);
  });
});
