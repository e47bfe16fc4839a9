import { SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID } from "../../shared/model";
import { DataverseStore } from "../../dev/dataverse/store";
import { Row } from "../../dev/dataverse/values";
import { createStandIn, seedOrganization } from "../../dev/seed";

const NOW = new Date("2026-03-15T12:00:00Z");
const DAY = 86_400_000;
const seeded = createStandIn({ now: NOW, seed: 42, settings: { value: { enabled: true } } });
const { store, stories, standIn } = seeded;

/** Activities a person takes part in (as a party) or that are regarding the record. */
function activitiesOf(id: string): Row[] {
  const byId = new Map<string, Row>();
  for (const party of store.lookup("activityparty", "partyid", id)) {
    const activity = store.get("activitypointer", party.activityid as string) as Row;
    byId.set(activity.activityid as string, activity);
  }
  for (const activity of store.lookup("activitypointer", "regardingobjectid", id)) byId.set(activity.activityid as string, activity);
  return [...byId.values()];
}

const when = (activity: Row): number => Date.parse((activity.actualend ?? activity.scheduledstart) as string);
const daysAgo = (activity: Row): number => (NOW.getTime() - when(activity)) / DAY;
const within = (rows: Row[], from: number, to: number): Row[] => rows.filter((a) => daysAgo(a) >= from && daysAgo(a) < to);
const emails = (rows: Row[], outgoing: boolean): Row[] => rows.filter((a) => a.activitytypecode === "email" && a.directioncode === outgoing);

function snapshot(target: DataverseStore): string {
  return JSON.stringify(["systemuser", "contact", "lead", "opportunity", "activitypointer", "activityparty"].map((table) => [...target.scan(table)]));
}

describe("seeded organization", () => {
  it("is deterministic: the same seed and now give the same rows, another seed other rows", () => {
    const again = new DataverseStore({ clock: () => NOW });
    const other = new DataverseStore({ clock: () => NOW });
    seedOrganization(again, { now: NOW, seed: 42, settings: { value: { enabled: true } } });
    seedOrganization(other, { now: NOW, seed: 43 });
    expect(snapshot(again)).toBe(snapshot(store));
    expect(snapshot(other)).not.toBe(snapshot(store));
  });

  it("uses neither Math.random nor the wall clock", () => {
    const random = jest.spyOn(Math, "random");
    const clock = jest.spyOn(Date, "now");
    seedOrganization(new DataverseStore({ clock: () => NOW }), { now: NOW, seed: 7 });
    expect(random).not.toHaveBeenCalled();
    expect(clock).not.toHaveBeenCalled();
    random.mockRestore();
    clock.mockRestore();
  });

  it("has twelve users with titles and the four sales roles, the admin holding System Administrator", async () => {
    expect(stories.users).toHaveLength(12);
    expect(stories.users.every((u) => u.title.length > 0)).toBe(true);
    const admins = await standIn.retrieveMultipleRecords("systemuser", "?fetchXml=" + encodeURIComponent(`
      <fetch><entity name="systemuser"><attribute name="systemuserid"/>
        <link-entity name="systemuserroles" from="systemuserid" to="systemuserid">
          <link-entity name="role" from="roleid" to="roleid">
            <filter><condition attribute="roletemplateid" operator="eq" value="${SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID}"/></filter>
          </link-entity>
        </link-entity></entity></fetch>`));
    expect(admins.entities.map((u) => String(u.systemuserid))).toContain(stories.adminUserId);
    expect(admins.entities.map((u) => String(u.systemuserid))).not.toContain(stories.currentUserId);
    const roots = [...store.scan("role")].filter((r) => r.parentroleid === undefined);
    expect(roots.map((r) => r.name).sort()).toEqual(["Customer Service Representative", "Sales Manager", "Salesperson", "Shared Mailbox Sync", "System Administrator"]);
    // A child business unit holds a copy of every sales role, pointing back to its root role.
    const copies = [...store.scan("role")].filter((r) => r.parentroleid !== undefined);
    const salesRoots = roots.filter((r) => r.roleid !== stories.manyMailboxHolders.roleId);
    expect(copies.map((r) => r.parentrootroleid).sort()).toEqual(salesRoots.map((r) => r.roleid).sort());
  });

  it("holds two years of mixed activities, both mailbox-synced and created in Dynamics 365", () => {
    const all = [...store.scan("activitypointer")];
    expect(all.length).toBeGreaterThan(1000);
    const kinds = new Set(all.map((a) => a.activitytypecode));
    expect([...kinds].sort()).toEqual(["appointment", "email", "phonecall", "recurringappointmentmaster", "task"]);
    const synced = all.filter((a) => a.exchangeitemid !== undefined).length;
    expect(synced).toBeGreaterThan(all.length * 0.2);
    expect(synced).toBeLessThan(all.length * 0.8);
    const oldest = Math.max(...all.map(daysAgo));
    expect(oldest).toBeGreaterThan(600);
    expect(oldest).toBeLessThanOrEqual(731);
    expect(all.some((a) => a.statecode === 3 && daysAgo(a) < 0)).toBe(true);
  });

  it("seeds the settings variable and an introduction template", async () => {
    const definitions = await standIn.retrieveMultipleRecords("environmentvariabledefinition", "?$filter=schemaname eq 'relint_RelationshipIntelligenceSettings'");
    expect(definitions.entities).toHaveLength(1);
    expect(definitions.entities[0].type).toBe(100000003);
    const values = await standIn.retrieveMultipleRecords("environmentvariablevalue", `?$filter=_environmentvariabledefinitionid_value eq ${stories.settings?.definitionId}`);
    expect(JSON.parse(String(values.entities[0].value))).toEqual({ enabled: true });
    expect(store.get("template", stories.introductionTemplateId)?.languagecode).toBe(1033);
    const none = new DataverseStore();
    seedOrganization(none, { now: NOW, seed: 1, settings: { schemaName: "xyz_Other" } });
    expect([...none.scan("environmentvariabledefinition")].map((d) => d.schemaname)).toEqual(["xyz_Other"]);
    expect(none.count("environmentvariablevalue")).toBe(0);
  });
});

describe("seeded stories", () => {
  it("hot: frequent two-way email, meetings, a call yesterday and a meeting booked", () => {
    const recent = within(activitiesOf(stories.hot.id), 0, 60);
    expect(emails(recent, true).length).toBeGreaterThanOrEqual(10);
    expect(emails(recent, false).length).toBeGreaterThanOrEqual(10);
    expect(recent.filter((a) => a.activitytypecode === "appointment").length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...recent.map(daysAgo))).toBeLessThan(2);
    expect(within(activitiesOf(stories.hot.id), -7, 0).some((a) => a.activitytypecode === "appointment" && a.statecode === 3)).toBe(true);
  });

  it("cooling: busy 60-120 days ago, thin in the last 30", () => {
    const all = activitiesOf(stories.cooling.id);
    expect(within(all, 60, 121).length).toBeGreaterThanOrEqual(20);
    expect(within(all, 0, 30)).toHaveLength(1);
  });

  it("oneWay: we write every week, they never answer", () => {
    const all = activitiesOf(stories.oneWay.id);
    expect(emails(all, true).length).toBeGreaterThanOrEqual(20);
    expect(all.every((a) => a.activitytypecode === "email" && a.directioncode === true)).toBe(true);
  });

  it("dormant: nothing in nine months, history before", () => {
    const all = activitiesOf(stories.dormant.id);
    expect(within(all, -1000, 275)).toEqual([]);
    expect(all.length).toBeGreaterThan(20);
  });

  it("brandNew, qualifiedLead and closedWon have the states their names promise", () => {
    const lead = store.get("lead", stories.brandNew.id) as Row;
    expect((NOW.getTime() - Date.parse(lead.createdon as string)) / DAY).toBeCloseTo(2, 5);
    expect(activitiesOf(stories.brandNew.id)).toHaveLength(1);
    expect(store.get("lead", stories.qualifiedLead.id)?.statecode).toBe(1);
    expect(store.get("opportunity", stories.closedWon.id)?.statecode).toBe(1);
    expect(activitiesOf(stories.closedWon.id).length).toBeGreaterThan(0);
  });

  it("introducerTarget: strong meets and hears back recently, medium months ago, weak only wrote a year ago", () => {
    const target = stories.introducerTarget;
    const all = activitiesOf(target.record.id);
    const of = (userId: string): Row[] => all.filter((a) => a.ownerid === userId);
    const colleagues = new Set(all.map((a) => a.ownerid));
    expect(colleagues).toEqual(new Set([target.strong, target.medium, target.weak]));
    expect(target.expectedRanking).toEqual([target.strong, target.medium, target.weak]);
    expect(colleagues.has(stories.currentUserId)).toBe(false);

    expect(within(of(target.strong), 0, 30).filter((a) => a.activitytypecode === "appointment").length).toBeGreaterThanOrEqual(3);
    expect(emails(of(target.strong), false).length).toBeGreaterThan(0);
    expect(Math.max(...of(target.medium).map(daysAgo))).toBeLessThan(120);
    expect(Math.min(...of(target.medium).map(daysAgo))).toBeGreaterThan(30);
    expect(emails(of(target.medium), false).length).toBeGreaterThan(0);
    expect(of(target.weak).every((a) => a.activitytypecode === "email" && a.directioncode === true && daysAgo(a) > 300)).toBe(true);
  });
});

describe("rule stories", () => {
  const fetch = async (entity: string, xml: string): Promise<Record<string, unknown>[]> =>
    (await standIn.retrieveMultipleRecords(entity, "?fetchXml=" + encodeURIComponent(xml))).entities;

  it("opportunityFull: parent contact, a different account primary contact, two stakeholders and a sales-team user by connection role", async () => {
    const story = stories.opportunityFull;
    const opportunity = store.get("opportunity", story.record.id) as Row;
    expect(opportunity).toMatchObject({ statecode: 0, ownerid: story.ownerId, parentcontactid: story.parentContactId, parentaccountid: story.accountId });
    expect(store.get("account", story.accountId)?.primarycontactid).toBe(story.accountPrimaryContactId);
    expect(story.accountPrimaryContactId).not.toBe(story.parentContactId);
    const connected = await fetch("connection", `<fetch><entity name="connection"><attribute name="record2id"/><attribute name="record2objecttypecode"/>
      <filter><condition attribute="record1id" operator="eq" value="${story.record.id}"/></filter>
      <link-entity name="connectionrole" from="connectionroleid" to="record2roleid" alias="role"><attribute name="category"/></link-entity></entity></fetch>`);
    const byCategory = (category: number): unknown[] => connected.filter((c) => c["role.category"] === category).map((c) => c._record2id_value).sort();
    expect(byCategory(1000)).toEqual([...story.stakeholderIds].sort());
    expect(byCategory(1001)).toEqual([story.salesTeamUserId]);
    expect(story.salesTeamUserId).not.toBe(story.ownerId);
    const outsider = store.get("email", story.outsiderActivityId) as Row;
    expect(outsider.regardingobjectid).toBeUndefined();
    expect(store.lookup("activityparty", "activityid", story.outsiderActivityId).map((p) => p.partyid)).toContain(story.stakeholderIds[1]);
  });

  it("leadWithStakeholders: a stakeholder connection, a party-only email by a non-owner and a call regarding the lead", () => {
    const story = stories.leadWithStakeholders;
    expect(store.get("lead", story.record.id)).toMatchObject({ statecode: 0, ownerid: story.ownerId });
    const partyOnly = store.get("email", story.partyOnlyActivityId) as Row;
    expect(partyOnly.ownerid).not.toBe(story.ownerId);
    expect(partyOnly.regardingobjectid).toBeUndefined();
    expect(store.get("phonecall", story.regardingActivityId)?.regardingobjectid).toBe(story.record.id);
    expect(store.lookup("connection", "record1id", story.record.id).map((c) => c.record2id)).toEqual([story.stakeholderContactId]);
  });

  it("meetingRules: open-but-ended, canceled, future, a shared meeting, a recurring series and a shared call", () => {
    const story = stories.meetingRules;
    expect(store.get("appointment", story.openPastId)).toMatchObject({ statecode: 0, scheduleddurationminutes: 30 });
    expect(store.get("appointment", story.openPastId)?.actualdurationminutes).toBeUndefined();
    expect(store.get("appointment", story.canceledId)?.statecode).toBe(2);
    expect(store.get("appointment", story.futureId)?.statecode).toBe(3);
    const shared = store.lookup("activityparty", "activityid", story.sharedMeetingId);
    expect(shared.filter((p) => p.partyobjecttypecode === "systemuser" && p.participationtypemask === 5)).toHaveLength(3);
    expect(shared.filter((p) => p.partyobjecttypecode === "contact")).toHaveLength(2);
    expect(store.get("activitypointer", story.seriesMasterId)).toMatchObject({ activitytypecode: "recurringappointmentmaster", instancetypecode: 1 });
    expect(story.occurrenceIds.map((id) => store.get("appointment", id)?.seriesid)).toEqual([story.seriesMasterId, story.seriesMasterId, story.seriesMasterId]);
    expect(store.lookup("activityparty", "activityid", story.sharedCallId).filter((p) => p.partyobjecttypecode === "contact")).toHaveLength(2);
    expect(story.expected).toEqual({ meetingsHeld: 5, ourMeetingMinutes: 255, theirMeetingMinutes: 195, callMinutes: 20 });
  });

  it("respondBoth: two threads we started and they answered, three they started of which we answered two", () => {
    const story = stories.respondBoth;
    const threads = new Map<unknown, Row[]>();
    for (const email of activitiesOf(story.record.id)) threads.set(email.conversationindex, [...(threads.get(email.conversationindex) ?? []), email]);
    const started = [...threads.values()].map((mails) => mails.sort((a, b) => when(a) - when(b)));
    expect(started.filter((mails) => mails[0].directioncode === true).map((mails) => (when(mails[1]) - when(mails[0])) / 3_600_000)).toEqual([3, 5]);
    expect(started.filter((mails) => mails[0].directioncode === false).map((mails) => (mails[1] ? (when(mails[1]) - when(mails[0])) / 3_600_000 : null))).toEqual([2, 4, null]);
  });

  it("manyMailboxHolders: 250 holders of one role, 100 of them only through a team, each with a synced email to the contact", async () => {
    const story = stories.manyMailboxHolders;
    expect(story.directHolderIds).toHaveLength(150);
    expect(story.teamHolderIds).toHaveLength(100);
    const direct = store.lookup("systemuserroles", "roleid", story.roleId).map((r) => r.systemuserid);
    expect(new Set(direct)).toEqual(new Set(story.directHolderIds));
    const viaTeam = await fetch("systemuser", `<fetch><entity name="systemuser"><attribute name="systemuserid"/>
      <link-entity name="teammembership" from="systemuserid" to="systemuserid" link-type="exists">
        <link-entity name="teamroles" from="teamid" to="teamid"><filter><condition attribute="roleid" operator="eq" value="${story.roleId}"/></filter></link-entity>
      </link-entity></entity></fetch>`);
    expect(new Set(viaTeam.map((u) => u.systemuserid))).toEqual(new Set(story.teamHolderIds));
    const synced = activitiesOf(story.record.id).filter((a) => a.exchangeitemid !== undefined);
    expect(synced).toHaveLength(story.emailCount);
  });
});
