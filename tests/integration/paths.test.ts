/**
 * Who knows whom, second degree, on the stand-in's secondDegree story: nobody knows the contact, but
 * colleagues know a coworker at the same account.
 */
import { loadIntroducers } from "../../shared/data/widgets";
import type { IntroducerList, LoadResult, RecordRef } from "../../shared/model";
import { activeSettings, NOW, seededOrg, servicesFor } from "../support/standIn";

function ready<T>(result: LoadResult<T>): T {
  if (result.kind !== "ready") throw new Error(`expected data, got ${result.kind}`);
  return result.data;
}

const load = async (org: ReturnType<typeof seededOrg>, record: RecordRef, userId?: string): Promise<IntroducerList> =>
  ready(await loadIntroducers(servicesFor(org, userId), { kind: "record", record }, 5));

describe("paths through a coworker at the same account", () => {
  it("ranks the colleague who meets the coworker weekly first, names the person in between, and says why", async () => {
    const org = seededOrg();
    const story = org.stories.secondDegree;
    const optedOut = seededOrg({ settings: activeSettings(NOW, { optedOutUserIds: [story.optedOutColleagueId] }) });
    const list = await load(optedOut, story.record);
    expect(list.introducers).toEqual([]);
    expect(list.paths.map((p) => p.colleague.userId)).toEqual(story.expectedRanking);
    const [best, weaker] = list.paths;
    expect(best.coworker.id).toBe(story.coworkerId);
    expect(best.coworker.fullName).toBe("Malik Osei");
    expect(best.strength).toBe(Math.min(best.colleague.strength, best.coworkerStanding));
    expect(best.strength).toBeGreaterThan(weaker.strength);
    expect(best.reason).toMatchObject({ key: "path.reason", params: { coworker: "Malik Osei", meetings: 12 } });
    // No path through a coworker who has nothing to do with the account.
    expect(list.paths.some((p) => p.coworker.id === story.idleCoworkerId)).toBe(false);
  });

  it("never shows a colleague who opted out", async () => {
    const story = seededOrg().stories.secondDegree;
    // Before opting out their weekly meetings make them a path; the exclusion, not the data, hides them after.
    expect((await load(seededOrg(), story.record)).paths.map((p) => p.colleague.userId)).toContain(story.optedOutColleagueId);
    const optedOut = seededOrg({ settings: activeSettings(NOW, { optedOutUserIds: [story.optedOutColleagueId] }) });
    expect((await load(optedOut, story.record)).paths.map((p) => p.colleague.userId)).not.toContain(story.optedOutColleagueId);
  });

  it("shows the signed-in user's own path apart, as for first degree", async () => {
    const org = seededOrg();
    const story = org.stories.secondDegree;
    const list = await load(org, story.record, story.colleagueId);
    expect(list.yourPaths.map((p) => p.colleague.userId)).toEqual([story.colleagueId]);
    expect(list.paths.some((p) => p.colleague.userId === story.colleagueId)).toBe(false);
  });

  it("keeps first-degree introducers above paths and never repeats them as paths", async () => {
    const org = seededOrg();
    const target = org.stories.introducerTarget;
    const list = await load(org, target.record);
    const direct = new Set(list.introducers.map((i) => i.userId));
    for (const path of list.paths) expect(direct.has(path.colleague.userId)).toBe(false);
  });

  it("costs at most two more requests, however large the account", async () => {
    const org = seededOrg();
    const story = org.stories.secondDegree;
    const services = servicesFor(org);
    org.standIn.resetLog();
    await loadIntroducers(services, { kind: "record", record: story.record }, 5);
    const tables = org.standIn.requests.map((r) => r.entity);
    // settings, the record's facts, first-degree introducers, and the two links of every path
    expect(tables.sort()).toEqual(["activitypointer", "activitypointer", "activitypointer", "contact", "environmentvariabledefinition"]);
  });
});
