/** @jest-environment node */
import { esbuildTargets, folderOf } from "../../bench/bundles";
import { budgetVerdict, growthFactor, recordingWebApi, sequentialStages, trafficOf } from "../../bench/measure";

describe("bench arithmetic", () => {
  it("counts requests sent together as one stage and a request sent after another finished as the next", () => {
    const settingsThenRecord = [
      { start: 0, end: 150 },
      { start: 0, end: 160 },
      { start: 161, end: 320 },
      { start: 162, end: 330 },
    ];
    expect(sequentialStages(settingsThenRecord)).toBe(2);
    expect(sequentialStages([{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 30 }])).toBe(3);
    expect(sequentialStages([])).toBe(0);
  });

  it("does not chain a request to one still in flight when it started", () => {
    expect(sequentialStages([{ start: 0, end: 300 }, { start: 0, end: 100 }, { start: 150, end: 250 }])).toBe(2);
  });

  it("records each answer's JSON length and a refusal's Dataverse error code", async () => {
    let now = 0;
    const answer = { entities: [{ name: "Bria" }] };
    const inner = {
      retrieveMultipleRecords: (entity: string) =>
        entity === "activitypointer" ? Promise.reject(Object.assign(new Error("limit"), { errorCode: 0x8004e023 })) : Promise.resolve(answer),
    } as unknown as ComponentFramework.WebApi;
    const api = recordingWebApi(inner, () => (now += 5));
    await api.retrieveMultipleRecords("contact", "?$select=fullname");
    await expect(api.retrieveMultipleRecords("activitypointer", "?fetchXml=x")).rejects.toMatchObject({ errorCode: 0x8004e023 });
    const traffic = trafficOf(api.log, 0x8004e023);
    expect(traffic).toEqual({ requests: 2, stages: 2, bytes: JSON.stringify(answer).length, refusedByAggregateLimit: 1 });
  });

  it("prints growth as a factor and says when a size is over budget", () => {
    expect(growthFactor(10, 10)).toBe("×1.0");
    expect(growthFactor(2, 581)).toBe("×290.5");
    expect(growthFactor(0, 0)).toBe("×1.0");
    expect(budgetVerdict(48 * 1024, 48)).toBe("ok");
    expect(budgetVerdict(48 * 1024 + 1, 48)).toBe("OVER BUDGET");
  });

  it("groups a bundle's sources by folder and names the browsers as esbuild does", () => {
    expect(folderOf("shared/queries/interactions.ts")).toBe("shared/queries");
    expect(folderOf("components/HealthScoreWidget/ScoreRing.tsx")).toBe("components/HealthScoreWidget");
    expect(folderOf("shared/model.ts")).toBe("shared");
    expect(folderOf("node_modules/@scope/pkg/lib/index.js")).toBe("node_modules/@scope/pkg");
    expect(folderOf("pcf.config.json")).toBe("pcf.config.json");
    expect(esbuildTargets({ safari: "16.4", chrome: "111" })).toEqual(["chrome111", "safari16.4"]);
  });
});
