/**
 * The real data layer (queries → transport → parsing → analytics) against the stand-in's seeded
 * stories: what a seller would see on each record.
 */
import { readAccess, readRoles } from "../../shared/data/access";
import { loadConsentView, loadHealthScore, loadIntroducers, loadKpis, requestIntroduction } from "../../shared/data/widgets";
import type { HealthScore, IntroducerList, KpiSet, LoadResult, RecordRef, RecordTarget } from "../../shared/model";
import { activeSettings, NOW, seededOrg, servicesFor } from "../support/standIn";

const target = (record: RecordRef): RecordTarget => ({ kind: "record", record });

function ready<T>(result: LoadResult<T>): T {
  if (result.kind !== "ready") throw new Error(`expected data, got ${result.kind}`);
  return result.data;
}

describe("health score on the seeded stories", () => {
  const org = seededOrg();
  const services = servicesFor(org);
  const score = async (record: RecordRef): Promise<HealthScore> => ready(await loadHealthScore(services, target(record)));

  it("scores a hot relationship Good and a cooling one lower, trending Declining", async () => {
    const hot = await score(org.stories.hot);
    const cooling = await score(org.stories.cooling);
    expect(hot.status).toBe("scored");
    expect(hot.grade).toBe("good");
    expect(cooling.score).not.toBeNull();
    expect(cooling.score as number).toBeLessThan(hot.score as number);
    expect(cooling.trend).toBe("declining");
  });

  it("grades one-way contact Poor and says they never reply", async () => {
    const oneWay = await score(org.stories.oneWay);
    expect(oneWay.grade).toBe("poor");
    expect(oneWay.factors.map((f) => f.message.key).join(" ")).toMatch(/oneWay|noReply/);
  });

  it("says Not enough info for a brand-new lead, with the reason", async () => {
    const brandNew = await score(org.stories.brandNew);
    expect(brandNew.status).toBe("notEnoughInfo");
    expect(brandNew.score).toBeNull();
    expect(brandNew.reason?.key).toMatch(/recordTooNew|tooFewInteractions/);
  });

  it("says Not applicable for a won opportunity and a qualified lead", async () => {
    expect((await score(org.stories.closedWon)).status).toBe("notApplicable");
    expect((await score(org.stories.qualifiedLead)).status).toBe("notApplicable");
  });

  it("shows the last and next interaction of a hot relationship", async () => {
    const hot = await score(org.stories.hot);
    expect(hot.last).not.toBeNull();
    expect((hot.last as { at: Date }).at.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(hot.next?.kind).toBe("appointment");
  });
});

describe("relationship KPIs", () => {
  it("counts both directions and a timeline covering the window", async () => {
    const org = seededOrg();
    const kpis: KpiSet = ready(await loadKpis(servicesFor(org), target(org.stories.hot), 60));
    expect(kpis.emailsSent).toBeGreaterThan(0);
    expect(kpis.emailsReceived).toBeGreaterThan(0);
    expect(kpis.minutesOurs).toBeGreaterThan(0);
    expect(kpis.timeline.length).toBeGreaterThanOrEqual(8);
    const sentInTimeline = kpis.timeline.reduce((n, week) => n + week.sent, 0);
    expect(sentInTimeline).toBeGreaterThanOrEqual(kpis.emailsSent);
  });

  it("counts an opportunity's contact's activities for the opportunity", async () => {
    const org = seededOrg();
    const services = servicesFor(org);
    // The won opportunity's contact is the hot contact: none of the last 60 days' emails with them
    // is regarding the opportunity, so without its contact the opportunity would show no email.
    const opportunity = ready(await loadKpis(services, target(org.stories.closedWon), 60));
    const contact = ready(await loadKpis(services, target(org.stories.hot), 60));
    expect(opportunity.emailsSent).toBeGreaterThan(0);
    // Mailbox-synced emails reach the opportunity only through its contact, so they count only
    // where mailbox data is allowed (here no roles are selected): never more than the contact's.
    expect(opportunity.emailsSent + opportunity.emailsReceived).toBeLessThanOrEqual(contact.emailsSent + contact.emailsReceived);
  });

  it("follows the admin's analytics period unless the maker chose one", async () => {
    const org = seededOrg({ settings: activeSettings(NOW, { analyticsWindowDays: 90 }) });
    const services = servicesFor(org);
    expect(ready(await loadKpis(services, target(org.stories.hot), null)).windowDays).toBe(90);
    expect(ready(await loadKpis(services, target(org.stories.hot), 30)).windowDays).toBe(30);
  });

  it("never hears back on the one-way record", async () => {
    const org = seededOrg();
    const kpis = ready(await loadKpis(servicesFor(org), target(org.stories.oneWay), 90));
    expect(kpis.emailsSent).toBeGreaterThan(0);
    expect(kpis.emailsReceived).toBe(0);
    expect(kpis.responseRate ?? 0).toBe(0);
  });
});

describe("who knows whom", () => {
  it("ranks the colleague with recent two-way meetings first, in the seeded order", async () => {
    const org = seededOrg();
    const story = org.stories.introducerTarget;
    const list: IntroducerList = ready(await loadIntroducers(servicesFor(org), target(story.record), 5));
    const ids = list.introducers.map((i) => i.userId);
    expect(ids[0]).toBe(story.strong);
    expect(ids.filter((id) => story.expectedRanking.includes(id))).toEqual(story.expectedRanking);
    expect(list.introducers.every((i) => !i.isCurrentUser)).toBe(true);
  });

  it("shows the signed-in user apart as 'you', never as an introducer", async () => {
    const org = seededOrg();
    const story = org.stories.introducerTarget;
    const list = ready(await loadIntroducers(servicesFor(org, story.strong), target(story.record), 5));
    expect(list.you?.userId).toBe(story.strong);
    expect(list.introducers.map((i) => i.userId)).not.toContain(story.strong);
  });

  it("leaves out colleagues who opted out", async () => {
    const org = seededOrg({ settings: activeSettings(NOW, { optedOutUserIds: [] }) });
    const story = org.stories.introducerTarget;
    const optedOut = seededOrg({ settings: activeSettings(NOW, { optedOutUserIds: [story.strong] }) });
    const before = ready(await loadIntroducers(servicesFor(org), target(story.record), 5));
    const after = ready(await loadIntroducers(servicesFor(optedOut), target(story.record), 5));
    expect(before.introducers.map((i) => i.userId)).toContain(story.strong);
    expect(after.introducers.map((i) => i.userId)).not.toContain(story.strong);
  });

  it("is not offered on an opportunity", async () => {
    const org = seededOrg();
    await expect(loadIntroducers(servicesFor(org), target(org.stories.closedWon), 5)).resolves.toEqual({ kind: "unsupportedRecordType", type: "opportunity" });
  });

  it("drafts an introduction email to the colleague, regarding the record, from the user", async () => {
    const org = seededOrg();
    const story = org.stories.introducerTarget;
    const services = servicesFor(org);
    const list = ready(await loadIntroducers(services, target(story.record), 5));
    const emailId = await requestIntroduction(services, story.record, list.introducers[0], { subject: "Intro <please>", body: "Hi & thanks" });
    const email = org.store.get("activitypointer", emailId);
    expect(email).toMatchObject({ activitytypecode: "email", subject: "Intro <please>", regardingobjectid: story.record.id });
    expect(String(email?.description)).toBe("Hi &#38; thanks");
    const parties = org.store.lookup("activityparty", "activityid", emailId);
    expect(parties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ partyid: services.userId, participationtypemask: 1 }),
        expect.objectContaining({ partyid: story.strong, participationtypemask: 2 }),
      ]),
    );
  });
});

describe("feature switches and consent", () => {
  it("says the feature is off, and why, when relationship intelligence is not activated", async () => {
    const org = seededOrg({ settings: null });
    await expect(loadHealthScore(servicesFor(org), target(org.stories.hot))).resolves.toEqual({ kind: "featureOff", reason: { kind: "notActivated" } });
  });

  it("turns who knows whom off on day 14 without consent, naming the day", async () => {
    const activatedOn = new Date(NOW.getTime() - 20 * 86_400_000);
    const org = seededOrg({ settings: activeSettings(NOW, { activatedOn: activatedOn.toISOString() }) });
    const result = await loadIntroducers(servicesFor(org), target(org.stories.introducerTarget.record), 5);
    expect(result).toEqual({ kind: "featureOff", reason: { kind: "consentLapsed", since: new Date(activatedOn.getTime() + 14 * 86_400_000) } });
    // Analytics go on, on Dataverse data.
    expect((await loadKpis(servicesFor(org), target(org.stories.hot), 60)).kind).toBe("ready");
  });

  it("honours the admin's switch for one feature only", async () => {
    const org = seededOrg({ settings: activeSettings(NOW, { features: { ...activeSettings().features, healthScore: false } }) });
    const services = servicesFor(org);
    await expect(loadHealthScore(services, target(org.stories.hot))).resolves.toEqual({ kind: "featureOff", reason: { kind: "disabledByAdmin" } });
    expect((await loadKpis(services, target(org.stories.hot), 60)).kind).toBe("ready");
  });

  it("tells the banner the consent state and whether the user is an administrator", async () => {
    const org = seededOrg();
    const admin = servicesFor(org, org.stories.adminUserId, [org.stories.roles.systemAdministrator]);
    const seller = servicesFor(org, org.stories.currentUserId, [org.stories.roles.salesperson]);
    const adminView = ready(await loadConsentView(admin));
    expect(adminView.isAdmin).toBe(true);
    expect(adminView.consent).toMatchObject({ kind: "pending", daysLeft: 11 });
    expect(ready(await loadConsentView(seller)).isAdmin).toBe(false);
  });

  it("asks whether the user is an administrator only when the banner has something for one", async () => {
    const grantedDaysAgo = (days: number) => seededOrg({ settings: activeSettings(NOW, { consent: { grantedOn: new Date(NOW.getTime() - days * 86_400_000).toISOString() } }) });
    const asAdmin = (org: ReturnType<typeof seededOrg>) => servicesFor(org, org.stories.adminUserId, [org.stories.roles.systemAdministrator]);
    const longAgo = grantedDaysAgo(30);
    longAgo.standIn.resetLog();
    expect(ready(await loadConsentView(asAdmin(longAgo))).consent.kind).toBe("granted");
    expect(longAgo.standIn.requests.map((r) => r.entity)).toEqual(["environmentvariabledefinition"]);
    // Consent recorded yesterday is still confirmed to the administrator who recorded it.
    const yesterday = grantedDaysAgo(1);
    expect(ready(await loadConsentView(asAdmin(yesterday))).isAdmin).toBe(true);
  });
});

describe("records that are not there yet", () => {
  it("asks to save an unsaved record, and says when there is no record", async () => {
    const org = seededOrg();
    const services = servicesFor(org);
    await expect(loadHealthScore(services, { kind: "unsaved", type: "contact" })).resolves.toEqual({ kind: "unsaved" });
    await expect(loadKpis(services, { kind: "none" }, 60)).resolves.toEqual({ kind: "noRecord" });
  });

  it("reports a record that does not exist as not found", async () => {
    const org = seededOrg();
    const missing = { type: "contact" as const, id: "0f0f0f0f-0000-4000-8000-000000000000" };
    await expect(loadHealthScore(servicesFor(org), target(missing))).rejects.toMatchObject({ kind: "notFound" });
  });
});

describe("security roles across business units", () => {
  it("offers each role once, and choosing it covers its copies in every business unit", async () => {
    const org = seededOrg({ settings: activeSettings(NOW) });
    const roles = await readRoles(servicesFor(org));
    expect(roles.map((r) => r.name).sort()).toEqual(["Customer Service Representative", "Sales Manager", "Salesperson", "Shared Mailbox Sync", "System Administrator"]);

    const withSalespeople = seededOrg({ settings: activeSettings(NOW, { mailboxRoleIds: [org.stories.roles.salesperson] }) });
    const access = await readAccess(servicesFor(withSalespeople));
    // The query tests the root role, which matches its copy in every business unit.
    expect(access.scope.mailbox).toEqual({ roleIds: [org.stories.roles.salesperson], excludedOwnerIds: [] });
  });
});
