import { DataverseStore } from "../../dev/dataverse/store";
import { DataverseStandIn } from "../../dev/dataverse/standIn";
import { tableDef } from "../../dev/dataverse/schema";

const NOW = new Date("2026-03-01T09:00:00Z");
const USER = "11111111-1111-4111-8111-111111111111";
const CONTACT = "c0000000-0000-4000-8000-000000000001";
const DEFINITION = "de000000-0000-4000-8000-000000000001";

function setup(): { standIn: DataverseStandIn; store: DataverseStore; clock: { now: Date } } {
  const clock = { now: NOW };
  const store = new DataverseStore({ clock: () => clock.now });
  store.insert("systemuser", { systemuserid: USER, fullname: "User One", internalemailaddress: "one@contoso.example", isdisabled: false });
  store.insert("contact", { contactid: CONTACT, fullname: "O'Brien Example", statecode: 0 });
  store.insert("contact", { fullname: "Second Contact", statecode: 1 });
  store.insert("environmentvariabledefinition", { environmentvariabledefinitionid: DEFINITION, schemaname: "relint_Settings", defaultvalue: "{}", type: 100000003 });
  store.insert("environmentvariablevalue", { environmentvariabledefinitionid: DEFINITION, schemaname: "relint_Settings", value: '{"enabled":true}' });
  return { standIn: new DataverseStandIn(store, { currentUserId: USER }), store, clock };
}

const contactsXml = "?fetchXml=" + encodeURIComponent(`<fetch><entity name="contact"><attribute name="fullname"/></entity></fetch>`);

describe("DataverseStandIn OData subset", () => {
  it("filters by string and GUID with and, selects columns, orders and tops", async () => {
    const { standIn } = setup();
    const byName = await standIn.retrieveMultipleRecords("contact", "?$select=fullname,statecode&$filter=fullname eq 'o''brien example' and statecode eq 0");
    expect(byName.entities).toEqual([{ contactid: CONTACT, fullname: "O'Brien Example", statecode: 0 }]);
    const values = await standIn.retrieveMultipleRecords(
      "environmentvariablevalue",
      `?$select=value,_environmentvariabledefinitionid_value&$filter=_environmentvariabledefinitionid_value eq ${DEFINITION.toUpperCase()}`,
    );
    expect(values.entities).toHaveLength(1);
    expect(values.entities[0]).toMatchObject({
      value: '{"enabled":true}',
      _environmentvariabledefinitionid_value: DEFINITION,
      "_environmentvariabledefinitionid_value@Microsoft.Dynamics.CRM.lookuplogicalname": "environmentvariabledefinition",
    });
    const ordered = await standIn.retrieveMultipleRecords("contact", "?$select=fullname&$orderby=fullname desc&$top=1");
    expect(ordered.entities.map((c) => String(c.fullname))).toEqual(["Second Contact"]);
  });

  it("includes nulls of selected columns, as the Web API does", async () => {
    const { standIn } = setup();
    const record = await standIn.retrieveRecord("contact", CONTACT, "?$select=fullname,emailaddress1,_parentcustomerid_value");
    expect(record).toEqual({ contactid: CONTACT, fullname: "O'Brien Example", emailaddress1: null, _parentcustomerid_value: null });
  });

  it.each([
    ["or", "?$filter=statecode eq 0 or statecode eq 1"],
    ["functions", "?$filter=contains(fullname,'x')"],
    ["other comparisons", "?$filter=statecode gt 0"],
    ["$expand of a declared navigation", "?$select=fullname&$expand=parentcustomerid_account($select=name)"],
  ])("says it does not evaluate %s", async (_, options) => {
    const { standIn } = setup();
    await expect(standIn.retrieveMultipleRecords("contact", options)).rejects.toThrow(/Stand-in/);
  });

  it.each([
    ["an unknown column", "?$select=favouritecolour", "favouritecolour"],
    ["a lookup by its logical name", "?$select=parentcustomerid", "parentcustomerid"],
    ["a plain column spelled as a lookup", "?$select=_fullname_value", "_fullname_value"],
    ["an unknown column in $filter", "?$filter=favouritecolour eq 'red'", "favouritecolour"],
    ["an unknown column in $orderby", "?$orderby=favouritecolour desc", "favouritecolour"],
    ["an undeclared navigation in $expand", "?$expand=regardingobjectid_contact_email", "regardingobjectid_contact_email"],
  ])("refuses %s as Dataverse does (0x80060888)", async (_, options, property) => {
    const { standIn } = setup();
    await expect(standIn.retrieveMultipleRecords("contact", options)).rejects.toEqual({
      errorCode: 0x80060888,
      message: `Could not find a property named '${property}' on type 'Microsoft.Dynamics.CRM.contact'.`,
    });
  });

  it("answers a missing record with Dataverse's not-found error, and no HTTP status", async () => {
    const { standIn } = setup();
    await expect(standIn.retrieveRecord("contact", "c0000000-0000-4000-8000-0000000000ff")).rejects.toEqual({
      errorCode: 2147746327,
      message: "Entity 'contact' With Id = c0000000-0000-4000-8000-0000000000ff Does Not Exist",
    });
  });
});

describe("DataverseStandIn writes", () => {
  it("creates an email draft with parties and regarding from @odata.bind, owned by the current user", async () => {
    const { standIn, store } = setup();
    const created = await standIn.createRecord("email", {
      subject: "Introduction, please",
      "regardingobjectid_contact_email@odata.bind": `/contacts(${CONTACT})`,
      email_activity_parties: [
        { "partyid_systemuser@odata.bind": `/systemusers(${USER})`, participationtypemask: 1 },
        { "partyid_contact@odata.bind": `/contacts(${CONTACT})`, participationtypemask: 2 },
      ],
    });
    expect(created.entityType).toBe("email");
    const email = store.get("email", created.id);
    expect(email).toMatchObject({
      activitytypecode: "email",
      statecode: 0,
      statuscode: 1,
      directioncode: true,
      regardingobjectid: CONTACT,
      regardingobjecttypecode: "contact",
      ownerid: USER,
      createdon: "2026-03-01T09:00:00Z",
    });
    const parties = store.lookup("activityparty", "activityid", created.id);
    expect(parties.map((p) => [p.partyobjecttypecode, p.participationtypemask])).toEqual([
      ["systemuser", 1],
      ["contact", 2],
    ]);
  });

  it("refuses binds to missing records and wrong targets", async () => {
    const { standIn } = setup();
    await expect(standIn.createRecord("email", { "regardingobjectid_contact_email@odata.bind": "/contacts(c0000000-0000-4000-8000-0000000000ff)" })).rejects.toMatchObject({ errorCode: 2147746327 });
    await expect(standIn.createRecord("email", { "regardingobjectid_contact_email@odata.bind": `/systemusers(${USER})` })).rejects.toThrow(/cannot point/);
  });

  it("refuses a bind through a navigation property the email table does not declare (regardingobjectid_contact)", async () => {
    const { standIn } = setup();
    const failure = standIn.createRecord("email", { "regardingobjectid_contact@odata.bind": `/contacts(${CONTACT})` });
    await expect(failure).rejects.toMatchObject({ errorCode: 0x80048d19 });
    await expect(failure).rejects.toHaveProperty(
      "message",
      expect.stringContaining("An undeclared property 'regardingobjectid_contact' which only has property annotations in the payload"),
    );
    await expect(failure).rejects.not.toHaveProperty("status");
  });

  it("refuses unknown properties and lookups set by value, as Dataverse reads a payload", async () => {
    const { standIn } = setup();
    await expect(standIn.createRecord("contact", { favouritecolour: "x" })).rejects.toMatchObject({
      errorCode: 0x80048d19,
      message: expect.stringContaining("The property 'favouritecolour' does not exist on type 'Microsoft.Dynamics.CRM.contact'"),
    });
    await expect(standIn.createRecord("email", { _regardingobjectid_value: CONTACT })).rejects.toMatchObject({ errorCode: 0x80048d19 });
    await expect(standIn.createRecord("email", { regardingobjectid: CONTACT })).rejects.toMatchObject({
      message: "CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.",
    });
  });

  it("accepts the plausible navigation names of old-format pages and says which they are", async () => {
    const { standIn, store } = setup();
    const created = await standIn.createRecord("phonecall", { subject: "Call", "regardingobjectid_contact_phonecall@odata.bind": `/contacts(${CONTACT})` });
    expect(store.get("phonecall", created.id)).toMatchObject({ regardingobjectid: CONTACT, regardingobjecttypecode: "contact" });
    expect(tableDef("phonecall").unverifiedSingle.has("regardingobjectid_contact_phonecall")).toBe(true);
    expect(tableDef("email").unverifiedSingle.has("regardingobjectid_contact_email")).toBe(false);
  });

  it("updates a value and stamps modifiedon, then deletes", async () => {
    const { standIn, store, clock } = setup();
    const value = store.lookup("environmentvariablevalue", "environmentvariabledefinitionid", DEFINITION)[0];
    clock.now = new Date("2026-03-02T10:00:00Z");
    await standIn.updateRecord("environmentvariablevalue", value.environmentvariablevalueid as string, { value: '{"enabled":false}' });
    expect(value).toMatchObject({ value: '{"enabled":false}', modifiedon: "2026-03-02T10:00:00Z" });
    await standIn.deleteRecord("environmentvariablevalue", value.environmentvariablevalueid as string);
    expect(store.count("environmentvariablevalue")).toBe(0);
    await expect(standIn.updateRecord("environmentvariablevalue", value.environmentvariablevalueid as string, { value: "{}" })).rejects.toMatchObject({ errorCode: 2147746327 });
  });

  it("creates an environment variable value bound to its definition", async () => {
    const { standIn, store } = setup();
    const created = await standIn.createRecord("environmentvariablevalue", {
      schemaname: "relint_Settings",
      value: "{}",
      "EnvironmentVariableDefinitionId@odata.bind": `/environmentvariabledefinitions(${DEFINITION})`,
    });
    expect(store.get("environmentvariablevalue", created.id)?.environmentvariabledefinitionid).toBe(DEFINITION);
  });
});

describe("DataverseStandIn faults", () => {
  it("throttles the next requests with the documented positive code, message and Retry-After, then answers", async () => {
    const { standIn } = setup();
    standIn.faults.throttle(2, 7);
    const expected = {
      errorCode: 2147951394,
      message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
      headers: { "Retry-After": "7" },
      errorDetails: { "Retry-After": "00:00:07" },
    };
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).rejects.toEqual(expected);
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).rejects.toEqual(expected);
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).resolves.toHaveProperty("entities");
    expect(standIn.requests).toHaveLength(3);
  });

  it.each([
    ["executionTime", 0x80072321, /Combined execution time/],
    ["concurrency", 0x80072326, /concurrent requests/],
  ] as const)("throttles on the %s limit with its own code", async (limit, errorCode, message) => {
    const { standIn } = setup();
    standIn.faults.throttle(1, 90, { limit, retryAfterIn: [] });
    const failure = standIn.retrieveMultipleRecords("contact", contactsXml);
    await expect(failure).rejects.toEqual({ errorCode, message: expect.stringMatching(message) });
  });

  it("fails with the unexpected-error fault in queue order after throttling", async () => {
    const { standIn } = setup();
    standIn.faults.throttle(1, 1);
    standIn.faults.serverError(1);
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).rejects.toMatchObject({ errorCode: 0x80072322 });
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).rejects.toEqual({ errorCode: 2147746326, message: "An unexpected error occurred." });
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).resolves.toHaveProperty("entities");
  });

  it("denies a table read directly or through a link-entity, until allowed again", async () => {
    const { standIn } = setup();
    standIn.faults.denyTable("activityparty");
    const linked = "?fetchXml=" + encodeURIComponent(`<fetch><entity name="contact"><attribute name="fullname"/><link-entity name="activityparty" from="partyid" to="contactid" link-type="outer"/></entity></fetch>`);
    await expect(standIn.retrieveMultipleRecords("contact", linked)).rejects.toEqual({
      errorCode: 2147746336,
      message: `Principal user (Id=${USER}, type=8) is missing prvReadActivityParty privilege`,
    });
    await expect(standIn.retrieveMultipleRecords("contact", contactsXml)).resolves.toHaveProperty("entities");
    standIn.faults.allowTable("activityparty");
    await expect(standIn.retrieveMultipleRecords("contact", linked)).resolves.toHaveProperty("entities");
  });

  it("rejects with a TypeError while offline", async () => {
    const { standIn } = setup();
    standIn.faults.offline(true);
    const failure = standIn.retrieveRecord("contact", CONTACT);
    await expect(failure).rejects.toBeInstanceOf(TypeError);
    await expect(failure).rejects.toThrow("Failed to fetch");
    standIn.faults.offline(false);
    await expect(standIn.retrieveRecord("contact", CONTACT)).resolves.toHaveProperty("fullname");
  });

  it("waits the configured latency on real timers", async () => {
    const { standIn } = setup();
    standIn.setLatency(60);
    const started = performance.now();
    await standIn.retrieveRecord("contact", CONTACT);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("logs every request with its method and options, and resets the log", async () => {
    const { standIn } = setup();
    await standIn.retrieveMultipleRecords("contact", contactsXml);
    await standIn.retrieveRecord("contact", CONTACT, "?$select=fullname");
    expect(standIn.requests.map((r) => r.method)).toEqual(["retrieveMultipleRecords", "retrieveRecord"]);
    expect(standIn.fetchXmlRequests()).toEqual([`<fetch><entity name="contact"><attribute name="fullname"/></entity></fetch>`]);
    standIn.resetLog();
    expect(standIn.requests).toEqual([]);
  });
});
