/**
 * The health list scores a page of records the way the single-record widget does, and one failing
 * record never blanks the others.
 */
import { ActivityWriter, user, type Party } from "../../dev/seed/activityWriter";
import { addContact } from "../../dev/seed/organization";
import { Prng } from "../../dev/seed/prng";
import { seedBigHistory, type SeededStandIn } from "../../dev/seed";
import { loadHealthList } from "../../shared/data/healthList";
import { loadHealthScore } from "../../shared/data/widgets";
import type { LoadResult, RecordRef, RecordType } from "../../shared/model";
import { activeSettings, NOW, seededOrg, servicesFor } from "../support/standIn";

function ready<T>(result: LoadResult<T>): T {
  if (result.kind !== "ready") throw new Error(`expected data, got ${result.kind}`);
  return result.data;
}

function idsOf(org: SeededStandIn, table: RecordType): string[] {
  return [...org.store.scan(table)].map((row) => row[`${table}id`] as string);
}

/** A page of contacts, each with its own history of `activities` over two years. */
function customerPage(org: SeededStandIn, count: number, activities: number): string[] {
  return Array.from({ length: count }, (_, i) => seedBigHistory(org.store, { now: NOW, seed: 100 + i, activities, userIds: [org.stories.currentUserId] }).contact.id);
}

describe("health list cost", () => {
  async function requestsFor(org: SeededStandIn, ids: string[]): Promise<number> {
    org.standIn.resetLog();
    const list = ready(await loadHealthList(servicesFor(org), "contact", ids));
    expect([...list.values()].every((entry) => entry.outcome.kind === "scored")).toBe(true);
    return org.standIn.requests.length;
  }

  it("scores a page of 50 contacts in the requests one record's widget takes, and 250 in at most twice that", async () => {
    const org = seededOrg();
    const ids = customerPage(org, 250, 10);
    org.standIn.resetLog();
    ready(await loadHealthScore(servicesFor(org), { kind: "record", record: { type: "contact", id: ids[0] } }));
    const oneRecord = org.standIn.requests.length;
    expect(await requestsFor(org, ids.slice(0, 50))).toBeLessThanOrEqual(oneRecord);
    expect(await requestsFor(org, ids)).toBeLessThanOrEqual(2 * oneRecord);
  });

  it("scores a page holding more activities than an aggregate may touch, as each widget scores its record", async () => {
    const org = seededOrg({ aggregateLimit: 300 });
    const ids = customerPage(org, 8, 200);
    const list = ready(await loadHealthList(servicesFor(org), "contact", ids));
    for (const id of ids) {
      const widget = ready(await loadHealthScore(servicesFor(org), { kind: "record", record: { type: "contact", id } }));
      expect(list.get(id)?.outcome).toEqual({ kind: "scored", score: widget });
    }
  });

  it("costs the same requests whether the page's records have 10 or 1,000 activities each", async () => {
    const small = seededOrg();
    const large = seededOrg();
    expect(await requestsFor(large, customerPage(large, 20, 1000))).toBe(await requestsFor(small, customerPage(small, 20, 10)));
  });
});

describe("health list", () => {
  const org = seededOrg();
  const s = org.stories;
  const byType: Record<RecordType, RecordRef[]> = { contact: [], lead: [], account: [], opportunity: [] };
  for (const record of [s.hot, s.cooling, s.oneWay, s.dormant, s.brandNew, s.qualifiedLead, s.closedWon, s.introducerTarget.record, s.opportunityFull.record, s.leadWithStakeholders.record, s.meetingRules.record]) {
    byType[record.type].push(record);
  }

  it.each(Object.entries(byType).filter(([, records]) => records.length > 0))("agrees with the widget on every seeded %s", async (type, records) => {
    const list = ready(await loadHealthList(servicesFor(org), type as RecordType, records.map((r) => r.id)));
    for (const record of records) {
      const widget = ready(await loadHealthScore(servicesFor(org), { kind: "record", record }));
      const entry = list.get(record.id);
      expect(entry?.outcome).toEqual({ kind: "scored", score: widget });
    }
  });

  it.each(["contact", "lead", "opportunity", "account"] as const)(
    "agrees with the widget on every %s of the seed, with mailbox roles and an opt-out",
    async (type) => {
      const story = s.manyMailboxHolders;
      const features = { ...activeSettings(NOW).features, mailboxData: true };
      const scoped = seededOrg({ settings: activeSettings(NOW, { features, mailboxRoleIds: [story.roleId], optedOutUserIds: [story.teamHolderIds[0]] }) });
      const ids = idsOf(scoped, type);
      const list = ready(await loadHealthList(servicesFor(scoped), type, ids));
      expect(list.size).toBe(ids.length);
      for (const id of ids) {
        const widget = ready(await loadHealthScore(servicesFor(scoped), { kind: "record", record: { type, id } }));
        expect(list.get(id)?.outcome).toEqual({ kind: "scored", score: widget });
      }
    },
    60_000,
  );

  it("agrees with the widget on every contact of the seed for a user in Bucharest (days and windows in their zone)", async () => {
    const zone = "Europe/Bucharest";
    const org = seededOrg({ userTimeZone: zone });
    const ids = idsOf(org, "contact");
    const services = () => servicesFor(org, org.stories.currentUserId, [], zone);
    const list = ready(await loadHealthList(services(), "contact", ids));
    for (const id of ids) {
      const widget = ready(await loadHealthScore(services(), { kind: "record", record: { type: "contact", id } }));
      expect(list.get(id)?.outcome).toEqual({ kind: "scored", score: widget });
    }
  }, 60_000);

  it("counts an activity once for each contact it reaches, through Regarding or as a party", async () => {
    const own = seededOrg();
    const rng = new Prng(7);
    const writer = new ActivityWriter(own.store, rng, NOW);
    const accountId = own.stories.hot.id && [...own.store.scan("account")][0].accountid as string;
    const [a, b, c] = [0, 1, 2].map(() => addContact(own.store, rng, { accountId, company: "Overlap", ownerId: own.stories.currentUserId, createdon: new Date("2025-01-01T00:00:00Z") }));
    const party = (id: string): Party => ({ table: "contact", id });
    const me = user(own.stories.currentUserId);
    const day = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
    const common = { owner: own.stories.currentUserId };
    // Regarding a, sent to b and c: one email for each of the three.
    writer.email({ ...common, at: day(3), from: me, to: [party(b)], cc: [party(c)], regarding: { type: "contact", id: a } });
    // a in To and in Cc, and Regarding a: still one email for a.
    writer.email({ ...common, at: day(5), from: party(a), to: [me, party(a)], cc: [party(a)], regarding: { type: "contact", id: a } });
    // A meeting regarding b that a attends; a call with c.
    writer.meeting({ ...common, start: day(8), minutes: 30, required: [me, party(a)], regarding: { type: "contact", id: b } });
    writer.call({ ...common, at: day(9), minutes: 10, from: party(c), to: me });
    const ids = [a, b, c];
    own.standIn.resetLog();
    const list = ready(await loadHealthList(servicesFor(own), "contact", ids));
    const requests = own.standIn.requests.length;
    for (const id of ids) {
      const widget = ready(await loadHealthScore(servicesFor(own), { kind: "record", record: { type: "contact", id } }));
      expect(list.get(id)?.outcome).toEqual({ kind: "scored", score: widget });
    }
    expect(requests).toBe(8);
  });

  it("says which record failed and still scores the rest", async () => {
    const missing = "0badc0de-0000-4000-8000-000000000000";
    const list = ready(await loadHealthList(servicesFor(org), "contact", [s.hot.id, missing]));
    expect(list.get(s.hot.id)?.outcome.kind).toBe("scored");
    expect(list.get(missing)?.outcome).toMatchObject({ kind: "failed", error: { kind: "notFound" } });
  });

  it("brings an opportunity's estimated close date and revenue for the pipeline chart", async () => {
    const own = seededOrg();
    const id = own.stories.opportunityFull.record.id;
    own.store.update("opportunity", id, { estimatedclosedate: new Date("2027-01-15T00:00:00Z"), estimatedvalue: 125000 });
    const entry = ready(await loadHealthList(servicesFor(own), "opportunity", [id])).get(id);
    expect(entry?.estimatedCloseDate).toEqual(new Date("2027-01-15T00:00:00Z"));
    expect(entry?.estimatedValue).toBe(125000);
  });

  it("says when the health score is switched off, instead of scoring", async () => {
    const off = seededOrg({ settings: activeSettings(NOW, { features: { ...activeSettings(NOW).features, healthScore: false } }) });
    await expect(loadHealthList(servicesFor(off), "contact", [s.hot.id])).resolves.toEqual({ kind: "featureOff", reason: { kind: "disabledByAdmin" } });
  });
});
