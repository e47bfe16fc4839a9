/** @jest-environment node */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildSolutionZip, SolutionEntry, solutionEntries, zipSolution } from "../../solution/assemble";
import { validateConfig } from "../../solution/config";
import { readBuiltControls } from "../../solution/controls";
import { PackageError } from "../../solution/errors";
import { registersControl, solutionProblems, validateSolutionZip } from "../../solution/validate";
import { join } from "path";
import { fixtureConfig, removeTempDirs, writeFixtureRoot } from "./fixture";

const config = validateConfig(fixtureConfig());
const controls = readBuiltControls(join(writeFixtureRoot(), "out", "controls"), config);
const input = { config, controls, settingsDefaultJson: '{"enabled":false}', managed: false };
const expected = { config, managed: false };
afterAll(removeTempDirs);

const HEALTH = "Controls/tst_Test.Space.HealthScoreWidget";

function entries(): SolutionEntry[] {
  return solutionEntries(input);
}

/** The good entries with one file's text changed. */
function edited(name: string, edit: (text: string) => string): SolutionEntry[] {
  return entries().map((entry) => (entry.name === name ? { name, bytes: strToU8(edit(strFromU8(entry.bytes))) } : entry));
}

async function problemsOf(list: SolutionEntry[]): Promise<string[]> {
  return solutionProblems(zipSolution(list), expected);
}

describe("validateSolutionZip", () => {
  it("accepts what the packager builds, managed and unmanaged", async () => {
    await expect(validateSolutionZip(buildSolutionZip(input), expected)).resolves.toBeUndefined();
    await expect(validateSolutionZip(buildSolutionZip({ ...input, managed: true }), { config, managed: true })).resolves.toBeUndefined();
  });

  it("fails loudly with one PackageError listing every problem", async () => {
    const zip = buildSolutionZip({ ...input, managed: true });
    const failure = validateSolutionZip(zip, expected, "Test.zip");
    await expect(failure).rejects.toBeInstanceOf(PackageError);
    await expect(failure).rejects.toThrow('Test.zip failed validation (1): solution.xml Managed is "1", expected "0"');
  });

  it("wants customizations.xml first, solution.xml second and [Content_Types].xml last", async () => {
    const [customizations, solution, ...rest] = entries();
    const contentTypes = rest.pop()!;
    expect(await problemsOf([solution, customizations, ...rest, contentTypes])).toEqual(
      expect.arrayContaining(["the first entry must be customizations.xml, not solution.xml", "the second entry must be solution.xml, not customizations.xml"]),
    );
    expect(await problemsOf([customizations, solution, contentTypes, ...rest])).toContain("the last entry must be [Content_Types].xml");
  });

  it("wants exact lower-case names", async () => {
    const renamed = entries().map((entry) => (entry.name === "customizations.xml" ? { ...entry, name: "Customizations.xml" } : entry));
    expect(await problemsOf(renamed)).toContain("the first entry must be customizations.xml, not Customizations.xml");
  });

  it("refuses backslashes, directory entries and stored (uncompressed) files", async () => {
    const list = entries();
    const files: Record<string, [Uint8Array, { level: 0 | 9 }]> = {};
    for (const entry of list.slice(0, -1)) files[entry.name] = [entry.bytes, { level: 9 }];
    files["Controls\\extra.js"] = [strToU8("x"), { level: 9 }];
    files["Controls/empty/"] = [new Uint8Array(0), { level: 9 }];
    files[list[list.length - 1].name] = [list[list.length - 1].bytes, { level: 0 }];
    const problems = await solutionProblems(zipSync(files), expected);
    expect(problems).toEqual(
      expect.arrayContaining([
        "entry Controls\\extra.js uses backslashes",
        "entry Controls/empty/ is a directory entry",
        "[Content_Types].xml is not deflated (method 0)",
      ]),
    );
  });

  it("refuses a CustomControl written with attributes, as Dataverse does", async () => {
    const problems = await problemsOf(
      edited("customizations.xml", (text) =>
        text.replace(
          /<CustomControl>\s*<Name>([^<]+)<\/Name>\s*<FileName>([^<]+)<\/FileName>\s*<\/CustomControl>/,
          '<CustomControl Name="$1" FileName="$2" />',
        ),
      ),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.startsWith("customizations.xml does not match customizations.xsd"))).toBe(true);
  });

  it("refuses solution.xml elements out of order or an empty RootComponents", async () => {
    const swapped = await problemsOf(edited("solution.xml", (text) => text.replace(/(<Version>[^<]*<\/Version>)(\s*)(<Managed>[^<]*<\/Managed>)/, "$3$2$1")));
    expect(swapped.some((problem) => problem.startsWith("solution.xml does not match solution.xsd"))).toBe(true);
    const empty = await problemsOf(edited("solution.xml", (text) => text.replace(/<RootComponents>[\s\S]*<\/RootComponents>/, "<RootComponents />")));
    expect(empty.some((problem) => problem.startsWith("solution.xml does not match solution.xsd") && problem.includes("RootComponents"))).toBe(true);
  });

  it("wants a CustomControl for every control root component, and the reverse", async () => {
    const problems = await problemsOf(edited("customizations.xml", (text) => text.replace("<Name>tst_Test.Space.HealthScoreWidget</Name>", "<Name>tst_Test.Space.Other</Name>")));
    expect(problems).toEqual(
      expect.arrayContaining([
        "control tst_Test.Space.HealthScoreWidget has no CustomControl in customizations.xml",
        "customizations.xml lists CustomControl tst_Test.Space.Other, which is not a root component",
      ]),
    );
  });

  it("wants each control's bundle to register <namespace>.<constructor>", async () => {
    const problems = await problemsOf(edited(`${HEALTH}/bundle.js`, (text) => text.replace("'Test.Space.HealthScoreWidget'", "'Test.Space.Other'")));
    expect(problems).toEqual([`${HEALTH}/bundle.js does not register Test.Space.HealthScoreWidget`]);
  });

  it("wants every resx the manifest names, and strings for every language", async () => {
    const missing = await problemsOf(entries().filter((entry) => entry.name !== `${HEALTH}/strings/HealthScoreWidget.1048.resx`));
    expect(missing).toContain(`${HEALTH}/ControlManifest.xml names strings/HealthScoreWidget.1048.resx, which is not in the zip`);
    const unnamed = await problemsOf(edited(`${HEALTH}/ControlManifest.xml`, (text) => text.replace(/\s*<resx path="strings\/HealthScoreWidget\.1048\.resx"[^>]*>/, "")));
    expect(unnamed).toEqual(
      expect.arrayContaining([
        `${HEALTH}/ControlManifest.xml names no strings for language 1048`,
        `unexpected entry ${HEALTH}/strings/HealthScoreWidget.1048.resx`,
      ]),
    );
  });

  it("wants the settings variable, typed JSON with JSON as its default", async () => {
    const name = "environmentvariabledefinitions/tst_RelationshipIntelligenceSettings/environmentvariabledefinition.xml";
    expect(await problemsOf(entries().filter((entry) => entry.name !== name))).toContain(`environment variable tst_RelationshipIntelligenceSettings has no ${name}`);
    const notJson = await problemsOf(edited(name, (text) => text.replace(/<defaultvalue>[^<]*<\/defaultvalue>/, "<defaultvalue>{oops</defaultvalue>")));
    expect(notJson).toEqual([`${name} is a JSON variable whose defaultvalue is not JSON`]);
    const secret = await problemsOf(edited(name, (text) => text.replace("<secretstore>0</secretstore>", "<secretstore>1</secretstore>")));
    expect(secret.some((problem) => problem.startsWith(`${name} does not match environmentvariabledefinition.xsd`))).toBe(true);
    const oneLanguage = await problemsOf(edited(name, (text) => text.replace(/\s*<label [^>]*languagecode="1048" \/>/g, "")));
    expect(oneLanguage).toEqual([`${name} displayname lacks language 1048`, `${name} description lacks language 1048`]);
  });

  it("wants both languages in solution.xml and customizations.xml", async () => {
    const problems = await problemsOf(
      edited("solution.xml", (text) => text.replace(/\s*<LocalizedName [^>]*languagecode="1048" \/>/, "")).map((entry) =>
        entry.name === "customizations.xml" ? { ...entry, bytes: strToU8(strFromU8(entry.bytes).replace(/\s*<Language>1048<\/Language>/, "")) } : entry,
      ),
    );
    expect(problems).toEqual(["solution.xml solution LocalizedNames lacks language 1048", "customizations.xml Languages lacks 1048"]);
  });

  it("wants content types for every extension and manifest", async () => {
    const problems = await problemsOf(edited("[Content_Types].xml", (text) => text.replace(/<Default Extension="resx"[^>]*\/>/, "").replace(/<Override [^>]*HealthScoreWidget[^>]*\/>/, "")));
    expect(problems).toEqual(["[Content_Types].xml has no Default for .resx", `[Content_Types].xml has no Override for /${HEALTH}/ControlManifest.xml`]);
  });

  it("refuses entries no component accounts for", async () => {
    const list = entries();
    list.splice(2, 0, { name: "notes.txt", bytes: strToU8("hello") });
    expect(await problemsOf(list)).toContain("unexpected entry notes.txt");
  });

  it("reads the zip it validates as fflate does", () => {
    expect(Object.keys(unzipSync(buildSolutionZip(input)))).toEqual(entries().map((entry) => entry.name));
  });
});

describe("registersControl", () => {
  it("finds pcf-scripts' registration call with either quote and no other name", () => {
    const stub = "ComponentFramework.registerControl('A.B.Ctor', pcf_tools_x.Ctor);";
    expect(registersControl(stub, "A.B.Ctor")).toBe(true);
    expect(registersControl(stub.replace(/'/g, '"'), "A.B.Ctor")).toBe(true);
    expect(registersControl(stub, "A.B.Ct")).toBe(false);
    expect(registersControl(stub, "AxB.Ctor")).toBe(false);
    expect(registersControl("registerControl('A.B.Ctor')", "A.B.Ctor")).toBe(false);
  });
});
