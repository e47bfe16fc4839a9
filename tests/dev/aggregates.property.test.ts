import fc from "fast-check";
import { DataverseStore } from "../../dev/dataverse/store";
import { DataverseStandIn } from "../../dev/dataverse/standIn";
import { isoWeek } from "../../dev/dataverse/fetchXml/dates";

const KINDS = ["email", "appointment", "phonecall", "task"] as const;
const YEAR_START = Date.parse("2025-06-01T00:00:00Z");

const activity = fc.record({
  kind: fc.constantFrom(...KINDS),
  minute: fc.integer({ min: 0, max: 400 * 24 * 60 }),
  duration: fc.option(fc.integer({ min: 1, max: 240 }), { nil: null }),
});

function standInWith(activities: { kind: string; minute: number; duration: number | null }[]): DataverseStandIn {
  const store = new DataverseStore();
  for (const a of activities) {
    store.insert(a.kind, {
      actualend: new Date(YEAR_START + a.minute * 60_000),
      actualdurationminutes: a.duration,
    });
  }
  return new DataverseStandIn(store);
}

async function run(standIn: DataverseStandIn, xml: string): Promise<Record<string, unknown>[]> {
  return (await standIn.retrieveMultipleRecords("activitypointer", "?fetchXml=" + encodeURIComponent(xml))).entities;
}

describe("aggregates agree with the rows they summarize", () => {
  it("per kind and UTC day: counts and minute sums match a direct tally of the same filter", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(activity, { maxLength: 60 }), fc.integer({ min: 0, max: 400 }), async (activities, fromDay) => {
        const standIn = standInWith(activities);
        const from = new Date(YEAR_START + fromDay * 86_400_000).toISOString();
        const filter = `<filter><condition attribute="actualend" operator="ge" value="${from}"/></filter>`;
        const groups = await run(standIn, `<fetch aggregate="true"><entity name="activitypointer">
          <attribute name="activitytypecode" alias="kind" groupby="true"/>
          <attribute name="actualend" alias="y" groupby="true" dategrouping="year"/>
          <attribute name="actualend" alias="m" groupby="true" dategrouping="month"/>
          <attribute name="actualend" alias="d" groupby="true" dategrouping="day"/>
          <attribute name="activityid" alias="n" aggregate="count"/>
          <attribute name="actualdurationminutes" alias="minutes" aggregate="sum"/>${filter}</entity></fetch>`);
        const rows = await run(standIn, `<fetch><entity name="activitypointer">
          <attribute name="activitytypecode"/><attribute name="actualend"/><attribute name="actualdurationminutes"/>${filter}</entity></fetch>`);
        const tally = new Map<string, { n: number; minutes: number | null }>();
        for (const row of rows) {
          const day = String(row.actualend).slice(0, 10);
          const key = `${String(row.activitytypecode)} ${day}`;
          const entry = tally.get(key) ?? { n: 0, minutes: null };
          entry.n += 1;
          if (typeof row.actualdurationminutes === "number") entry.minutes = (entry.minutes ?? 0) + row.actualdurationminutes;
          tally.set(key, entry);
        }
        const fromGroups = new Map(
          groups.map((g) => {
            const day = `${String(g.y)}-${String(g.m).padStart(2, "0")}-${String(g.d).padStart(2, "0")}`;
            return [`${String(g.kind)} ${day}`, { n: g.n, minutes: g.minutes ?? null }];
          }),
        );
        expect(fromGroups).toEqual(tally);
      }),
      { numRuns: 60 },
    );
  });
});

describe("ISO weeks", () => {
  it.each([
    ["2026-01-01T12:00:00Z", 1],
    ["2027-01-01T12:00:00Z", 53],
    ["2024-12-30T00:00:00Z", 1],
    ["2026-12-28T23:59:59Z", 53],
    ["2026-03-15T12:00:00Z", 11],
  ])("%s falls in week %i", (iso, week) => {
    expect(isoWeek(new Date(iso))).toBe(week);
  });
});
