import { readFileSync } from "fs";
import { join } from "path";
import { SETTINGS_PROBLEM_KEYS } from "../../shared/analytics/settings";
import { parseResx } from "../../shared/ui/strings/resx";
import { CTOR } from "./settingsHost";

const ROOT = join(__dirname, "..", "..");
const read = (...path: string[]) => parseResx(readFileSync(join(ROOT, ...path), "utf8"));
const own = { 1033: read("components", CTOR, "strings", `${CTOR}.1033.resx`), 1048: read("components", CTOR, "strings", `${CTOR}.1048.resx`) };
const common = { 1033: read("shared", "ui", "strings", "common.1033.resx"), 1048: read("shared", "ui", "strings", "common.1048.resx") };
const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe("settings page strings", () => {
  it("have the same keys and placeholders in English and Romanian", () => {
    expect(Object.keys(own[1048]).sort()).toEqual(Object.keys(own[1033]).sort());
    for (const [key, english] of Object.entries(own[1033])) {
      expect([key, placeholders(own[1048][key])]).toEqual([key, placeholders(english)]);
    }
  });

  it("hold the manifest's keys and a message for every settings problem", () => {
    const manifest = readFileSync(join(ROOT, "components", CTOR, "ControlManifest.Input.xml"), "utf8");
    const manifestKeys = [...manifest.matchAll(/(?:display-name-key|description-key)="([^"]+)"/g)].map((m) => m[1]);
    expect(manifestKeys).toEqual(expect.arrayContaining(["RelationshipIntelligenceSettings_Display", "Property_boundField_Desc"]));
    for (const language of [1033, 1048] as const) {
      const missing = [...manifestKeys, ...SETTINGS_PROBLEM_KEYS].filter((key) => !own[language][key]);
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  it("repeat none of the strings shared by all widgets", () => {
    for (const language of [1033, 1048] as const) {
      expect(Object.keys(own[language]).filter((key) => key in common[language])).toEqual([]);
    }
  });
});
