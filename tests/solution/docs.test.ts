/** @jest-environment node */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { DEFAULT_SETTINGS, serializeSettings } from "../../shared/analytics/settings";
import { SETTINGS_VARIABLE } from "../../shared/libraryInfo";
import { loadConfig, schemaName, settingsVariableSchemaName } from "../../solution/config";
import { solutionZipName } from "../../solution/layout";

const root = join(__dirname, "..", "..");
const config = loadConfig(root);
const adminGuide = readFileSync(join(root, "docs", "admin.md"), "utf8");

/** "a.b.c" for every leaf of the stored settings JSON. */
function leafPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe("the settings variable", () => {
  it("has the name the controls read at run time", () => {
    expect(settingsVariableSchemaName(config)).toBe(SETTINGS_VARIABLE);
  });
});

describe("docs/admin.md", () => {
  it("names the zips, the variable and every control as this config builds them", () => {
    expect(adminGuide).toContain(solutionZipName(config, true));
    expect(adminGuide).toContain(solutionZipName(config, false));
    expect(adminGuide).toContain(`\`${settingsVariableSchemaName(config)}\``);
    const controls = readdirSync(join(root, "components")).filter((name) => !name.startsWith("."));
    for (const ctor of controls) expect(adminGuide).toContain(`\`${schemaName(config, ctor)}\``);
  });

  it("documents every settings key", () => {
    const paths = leafPaths(JSON.parse(serializeSettings(DEFAULT_SETTINGS)));
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) {
      const parent = path.slice(0, path.lastIndexOf("."));
      const leaf = path.slice(path.lastIndexOf(".") + 1);
      // Grouped rows write the siblings of a first key as `.leaf`.
      const documented = adminGuide.includes(`\`${path}\``) || (parent !== "" && adminGuide.includes(`\`${parent}.`) && adminGuide.includes(`\`.${leaf}\``));
      expect({ path, documented }).toEqual({ path, documented: true });
    }
  });
});
