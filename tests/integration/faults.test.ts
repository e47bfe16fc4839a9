/**
 * Each fault the stand-in can inject, met by the real transport and data layer: what recovers on
 * its own, what reaches the user as a typed error, and that splitting past the aggregate limit
 * gives exactly the numbers an unlimited server would.
 */
import { seedBigHistory } from "../../dev/seed";
import { loadKpis } from "../../shared/data/widgets";
import type { LoadResult, KpiSet, RecordRef } from "../../shared/model";
import { activeSettings, NOW, seededOrg, servicesFor } from "../support/standIn";

const onRecord = (record: RecordRef) => ({ kind: "record" as const, record });

function kpisOf(result: LoadResult<KpiSet>): KpiSet {
  if (result.kind !== "ready") throw new Error(result.kind);
  return result.data;
}

describe("transport against the stand-in's faults", () => {
  it("waits out short throttling and returns the same numbers", async () => {
    const org = seededOrg();
    const expected = kpisOf(await loadKpis(servicesFor(org), onRecord(org.stories.hot), 60));
    org.standIn.faults.throttle(2, 1);
    const requestsBefore = org.standIn.requests.length;
    const after = kpisOf(await loadKpis(servicesFor(org), onRecord(org.stories.hot), 60));
    expect(after).toEqual(expected);
    expect(org.standIn.requests.length - requestsBefore).toBeGreaterThan(2);
  });

  it("recovers from one server error, and reports two in a row", async () => {
    const org = seededOrg();
    org.standIn.faults.serverError(1);
    await expect(loadKpis(servicesFor(org), onRecord(org.stories.hot), 60)).resolves.toMatchObject({ kind: "ready" });
    // The first round trip sends settings and the record's facts in parallel: both fail, and both retries.
    org.standIn.faults.serverError(4);
    await expect(loadKpis(servicesFor(org), onRecord(org.stories.hot), 60)).rejects.toMatchObject({ kind: "server" });
  });

  it("reports a missing read privilege with the table it concerns", async () => {
    const org = seededOrg();
    org.standIn.faults.denyTable("activityparty");
    await expect(loadKpis(servicesFor(org), onRecord(org.stories.hot), 60)).rejects.toMatchObject({ kind: "noPrivilege" });
  });

  it("reports offline, and loads again once back online", async () => {
    const org = seededOrg();
    org.standIn.faults.offline(true);
    const services = servicesFor(org);
    await expect(loadKpis(services, onRecord(org.stories.hot), 60)).rejects.toMatchObject({ kind: "offline" });
    org.standIn.faults.offline(false);
    await expect(loadKpis(services, onRecord(org.stories.hot), 60)).resolves.toMatchObject({ kind: "ready" });
  });

  it("sends each query once when four widgets load the same record together", async () => {
    const org = seededOrg();
    const services = servicesFor(org);
    org.standIn.resetLog();
    await Promise.all([1, 2, 3, 4].map(() => loadKpis(services, onRecord(org.stories.hot), 60)));
    const sent = org.standIn.requests.map((r) => `${r.entity}${r.options ?? ""}`);
    expect(new Set(sent).size).toBe(sent.length);
  });
});

describe("the 50,000-row aggregate limit", () => {
  it("splits the window and gives the same KPIs as a server without the limit", async () => {
    const org = seededOrg({ settings: activeSettings() });
    const users = org.stories.users.slice(0, 3).map((u) => u.id);
    const big = seedBigHistory(org.store, { now: NOW, seed: 7, activities: 12_000, userIds: users });
    org.standIn.resetLog();
    const unlimited = kpisOf(await loadKpis(servicesFor(org), onRecord(big.contact), 90));
    const unsplitRequests = org.standIn.fetchXmlRequests().length;

    org.standIn.setAggregateLimit(300);
    org.standIn.resetLog();
    const split = kpisOf(await loadKpis(servicesFor(org), onRecord(big.contact), 90));
    expect(split).toEqual(unlimited);
    // The refused aggregates were sent again over smaller windows.
    expect(org.standIn.fetchXmlRequests().length).toBeGreaterThan(unsplitRequests + 2);
  });

  it("says so when even one day is over the limit", async () => {
    const org = seededOrg({ settings: activeSettings() });
    org.standIn.setAggregateLimit(0);
    await expect(loadKpis(servicesFor(org), onRecord(org.stories.hot), 60)).rejects.toMatchObject({ kind: "aggregateLimit" });
  });
});
