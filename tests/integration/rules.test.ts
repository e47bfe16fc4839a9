/**
 * Microsoft's relationship analytics rules (domain.md) on the stand-in's rule stories: who counts on
 * each side, which meetings were held and for how long, response both ways, and mailbox roles held by
 * hundreds of users directly or through a team.
 */
import { loadKpis } from "../../shared/data/widgets";
import type { KpiSet, LoadResult, RecordRef } from "../../shared/model";
import { ActivityWriter, user } from "../../dev/seed/activityWriter";
import { Prng } from "../../dev/seed/prng";
import { activeSettings, NOW, seededOrg, servicesFor } from "../support/standIn";

function ready<T>(result: LoadResult<T>): T {
  if (result.kind !== "ready") throw new Error(`expected data, got ${result.kind}`);
  return result.data;
}

const DAYS = 60;
const interactions = (k: KpiSet) => k.emailsSent + k.emailsReceived + k.meetings + k.callsMade + k.callsReceived + k.tasks;

describe("meetings and calls, as Microsoft counts them", () => {
  const org = seededOrg();
  const story = org.stories.meetingRules;

  it("counts meetings once held, whatever their state, with the scheduled duration when no actual one is set", async () => {
    const kpis = ready(await loadKpis(servicesFor(org), { kind: "record", record: story.record }, DAYS));
    expect(kpis.meetings).toBe(story.expected.meetingsHeld);
    // Ours: each meeting times our attendees; theirs: each meeting once; a call's time once however many of theirs are on it.
    const emailMinutesOurs = 5 * kpis.emailsSent + 2.5 * kpis.emailsReceived;
    const emailMinutesTheirs = 5 * kpis.emailsReceived + 2.5 * kpis.emailsSent;
    expect(kpis.minutesOurs - emailMinutesOurs).toBe(story.expected.ourMeetingMinutes + story.expected.callMinutes);
    expect(kpis.minutesTheirs - emailMinutesTheirs).toBe(story.expected.theirMeetingMinutes + story.expected.callMinutes);
  });

  it("never counts a canceled meeting, one not yet held, or a recurring series' master", async () => {
    const before = ready(await loadKpis(servicesFor(org), { kind: "record", record: story.record }, DAYS));
    for (const id of [story.canceledId, story.futureId, story.seriesMasterId]) org.store.remove("activitypointer", id);
    const after = ready(await loadKpis(servicesFor(org), { kind: "record", record: story.record }, DAYS));
    expect(after.meetings).toBe(before.meetings);
    expect(after.minutesOurs).toBe(before.minutesOurs);
  });

  it("counts a call with two of an account's contacts once, on the account", async () => {
    const account: RecordRef = { type: "account", id: story.accountId };
    const before = ready(await loadKpis(servicesFor(org), { kind: "record", record: account }, DAYS));
    org.store.remove("activitypointer", story.sharedCallId);
    const after = ready(await loadKpis(servicesFor(org), { kind: "record", record: account }, DAYS));
    expect(before.callsMade + before.callsReceived - (after.callsMade + after.callsReceived)).toBe(1);
    expect(before.minutesOurs - after.minutesOurs).toBe(story.expected.callMinutes);
  });
});

describe("response rate and first-response time, both ways", () => {
  it("a thread they started and we answered is answered, not one they left unanswered", async () => {
    const org = seededOrg();
    const { record, expected } = org.stories.respondBoth;
    const kpis = ready(await loadKpis(servicesFor(org), { kind: "record", record }, DAYS));
    expect(kpis.responseRate).toBe(expected.answeredByThem / expected.ourThreads);
    expect(kpis.averageFirstResponseMinutes).toBe(expected.theirFirstResponseHours * 60);
    expect(kpis.ourResponseRate).toBeCloseTo(expected.answeredByUs / expected.theirThreads);
    expect(kpis.ourAverageFirstResponseMinutes).toBe(expected.ourFirstResponseHours * 60);
  });
});

describe("people counted on each side", () => {
  const count = async (org: ReturnType<typeof seededOrg>, record: RecordRef) =>
    interactions(ready(await loadKpis(servicesFor(org), { kind: "record", record }, DAYS)));

  it("an opportunity counts its contact, stakeholders and account's primary contact, but not a user outside its owner and sales team", async () => {
    const org = seededOrg();
    const story = org.stories.opportunityFull;
    const total = await count(org, story.record);
    org.store.remove("activitypointer", story.outsiderActivityId);
    expect(await count(org, story.record)).toBe(total);
    // Each of their people reaches it: removing their activities lowers the count.
    for (const personId of [story.parentContactId, story.accountPrimaryContactId, ...story.stakeholderIds]) {
      const before = await count(org, story.record);
      for (const party of org.store.lookup("activityparty", "partyid", personId)) org.store.remove("activitypointer", party.activityid as string);
      expect(await count(org, story.record)).toBeLessThan(before);
    }
  });

  it("a lead counts its stakeholders, and a colleague's activity only through Regarding", async () => {
    const org = seededOrg();
    const story = org.stories.leadWithStakeholders;
    const total = await count(org, story.record);
    org.store.remove("activitypointer", story.partyOnlyActivityId);
    expect(await count(org, story.record)).toBe(total);
    org.store.remove("activitypointer", story.regardingActivityId);
    expect(await count(org, story.record)).toBe(total - 1);
    // The owner writes to the stakeholder, not to the lead: it counts for the lead.
    const writer = new ActivityWriter(org.store, new Prng(7), NOW);
    const stakeholder = { table: "contact" as const, id: story.stakeholderContactId };
    writer.email({ at: new Date(NOW.getTime() - 86_400_000), from: user(story.ownerId), to: [stakeholder], owner: story.ownerId, regarding: null, mailbox: false });
    expect(await count(org, story.record)).toBe(total);
  });
});

describe("mailbox roles at any scale", () => {
  it("counts the mailbox emails of 250 role holders, held directly or through a team, in the same number of requests", async () => {
    const plain = seededOrg();
    const story = plain.stories.manyMailboxHolders;
    const withRole = seededOrg({ settings: activeSettings(NOW, { features: { ...activeSettings(NOW).features, mailboxData: true }, mailboxRoleIds: [story.roleId] }) });
    // The holders' emails span the last 60 days: a 90-day window holds them all.
    const without = ready(await loadKpis(servicesFor(plain), { kind: "record", record: story.record }, 90));
    plain.standIn.resetLog();
    await loadKpis(servicesFor(plain), { kind: "record", record: story.record }, 90);
    const requestsWithout = plain.standIn.requests.length;

    withRole.standIn.resetLog();
    const counted = ready(await loadKpis(servicesFor(withRole), { kind: "record", record: story.record }, 90));
    expect(counted.emailsReceived + counted.emailsSent - (without.emailsReceived + without.emailsSent)).toBe(story.emailCount);
    expect(withRole.standIn.requests).toHaveLength(requestsWithout);
  });

  it("leaves out the mailbox of a holder who opted out", async () => {
    const org = seededOrg();
    const story = org.stories.manyMailboxHolders;
    const settings = (optedOut: string[]) =>
      activeSettings(NOW, { features: { ...activeSettings(NOW).features, mailboxData: true }, mailboxRoleIds: [story.roleId], optedOutUserIds: optedOut });
    const all = ready(await loadKpis(servicesFor(seededOrg({ settings: settings([]) })), { kind: "record", record: story.record }, 90));
    const lessOne = ready(
      await loadKpis(servicesFor(seededOrg({ settings: settings([story.teamHolderIds[0]]) })), { kind: "record", record: story.record }, 90),
    );
    expect(interactions(all) - interactions(lessOne)).toBe(1);
  });
});

describe("days in the user's time zone, across a daylight-saving change", () => {
  it("counts an email in the week the user saw it, as Dataverse grouped it", async () => {
    const zone = "Europe/Bucharest";
    const org = seededOrg({ userTimeZone: zone });
    const contactId = org.store.insert("contact", { fullname: "Ana Dima", statecode: 0, createdon: new Date("2026-06-01T09:00:00Z") });
    const writer = new ActivityWriter(org.store, new Prng(11), NOW);
    const me = user(org.stories.currentUserId);
    const contact = { table: "contact" as const, id: contactId };
    // 22:30 UTC on Sunday 25 October is 00:30 on Monday 26 in Bucharest, after clocks went back to UTC+2.
    writer.email({ at: new Date("2026-10-25T22:30:00Z"), from: me, to: [contact], owner: org.stories.currentUserId, regarding: null, mailbox: false });
    // 21:30 UTC on Saturday 24 October is 00:30 on Sunday 25, still UTC+3.
    writer.email({ at: new Date("2026-10-24T21:30:00Z"), from: me, to: [contact], owner: org.stories.currentUserId, regarding: null, mailbox: false });
    const kpis = ready(await loadKpis(servicesFor(org, org.stories.currentUserId, [], zone), { kind: "record", record: { type: "contact", id: contactId } }, DAYS));
    const week = (monday: string) => kpis.timeline.find((p) => p.weekStart === monday)?.sent;
    expect(week("2026-10-19")).toBe(1);
    expect(week("2026-10-26")).toBe(1);
    expect(kpis.emailsSent).toBe(2);
  });
});
