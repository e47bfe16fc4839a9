/**
 * The health list scores a page of records the way the single-record widget does, and one failing
 * record never blanks the others.
 */
import { loadHealthList } from "../../shared/data/healthList";
import { loadHealthScore } from "../../shared/data/widgets";
import type { LoadResult, RecordRef, RecordType } from "../../shared/model";
import { activeSettings, NOW, seededOrg, servicesFor } from "../support/standIn";

function ready<T>(result: LoadResult<T>): T {
  if (result.kind !== "ready") throw new Error(`expected data, got ${result.kind}`);
  return result.data;
}

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
