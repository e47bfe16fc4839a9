/** @jest-environment node */
import { DOMParser } from "@xmldom/xmldom";
import { execFile } from "child_process";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { basename, join } from "path";
import { promisify } from "util";
import { validateXML } from "xmllint-wasm";
import { DEFAULT_SETTINGS, serializeSettings } from "../../shared/analytics/settings";
import { validateConfig } from "../../solution/config";
import { packageSolution, PackageResult } from "../../solution/package";
import { SCHEMA_DIR, SCHEMA_FILES } from "../../solution/validate";
import { readZipDirectory } from "../../solution/zipDirectory";
import { fixtureConfig, removeTempDirs, writeFixtureRoot } from "./fixture";

const SETTINGS_ENTRY = "environmentvariabledefinitions/tst_RelationshipIntelligenceSettings/environmentvariabledefinition.xml";
const EXPECTED_ENTRIES = [
  "customizations.xml",
  "solution.xml",
  "Controls/tst_Test.Space.HealthScoreWidget/ControlManifest.xml",
  "Controls/tst_Test.Space.HealthScoreWidget/bundle.js",
  "Controls/tst_Test.Space.HealthScoreWidget/strings/HealthScoreWidget.1033.resx",
  "Controls/tst_Test.Space.HealthScoreWidget/strings/HealthScoreWidget.1048.resx",
  "Controls/tst_Test.Space.RelationshipKpiCard/ControlManifest.xml",
  "Controls/tst_Test.Space.RelationshipKpiCard/bundle.js",
  "Controls/tst_Test.Space.RelationshipKpiCard/strings/RelationshipKpiCard.1033.resx",
  "Controls/tst_Test.Space.RelationshipKpiCard/strings/RelationshipKpiCard.1048.resx",
  SETTINGS_ENTRY,
  "[Content_Types].xml",
];

let root: string;
let result: PackageResult;
const log: string[] = [];

afterAll(removeTempDirs);

beforeAll(async () => {
  root = writeFixtureRoot();
  result = await packageSolution(root, (line) => log.push(line));
});

function zipOf(managed: boolean): Uint8Array {
  return readFileSync(result.solutions.find((solution) => solution.managed === managed)!.path);
}

function entryText(managed: boolean, name: string): string {
  return strFromU8(unzipSync(zipOf(managed))[name]);
}

function parse(text: string) {
  return new DOMParser().parseFromString(text.replace(/^\uFEFF/, ""), "text/xml").documentElement!;
}

describe("packageSolution", () => {
  it("writes an unmanaged and a managed zip named after the solution and version", () => {
    expect(result.solutions.map((solution) => [solution.managed, basename(solution.path)])).toEqual([
      [false, "TestSolution_2_3_4_5.zip"],
      [true, "TestSolution_2_3_4_5_managed.zip"],
    ]);
    for (const solution of result.solutions) expect(solution.bytes).toBe(readFileSync(solution.path).length);
    expect(log).toEqual(expect.arrayContaining([expect.stringMatching(/^validating .*TestSolution_2_3_4_5_managed\.zip$/)]));
  });

  it.each([false, true])("lays out the zip (managed %s) exactly: names, order, deflate, no directories", (managed) => {
    const directory = readZipDirectory(zipOf(managed));
    expect(directory.map((entry) => entry.name)).toEqual(EXPECTED_ENTRIES);
    expect(directory.every((entry) => entry.method === 8)).toBe(true);
    expect(Object.keys(unzipSync(zipOf(managed)))).toEqual(EXPECTED_ENTRIES);
  });

  it("marks only the managed solution as managed; everything else is identical", () => {
    const managed = parse(entryText(true, "solution.xml"));
    const unmanaged = parse(entryText(false, "solution.xml"));
    expect(managed.getElementsByTagName("Managed")[0].textContent).toBe("1");
    expect(unmanaged.getElementsByTagName("Managed")[0].textContent).toBe("0");
    const withoutManaged = (text: string) => text.replace(/<Managed>[01]<\/Managed>/, "");
    expect(withoutManaged(entryText(true, "solution.xml"))).toBe(withoutManaged(entryText(false, "solution.xml")));
    for (const name of EXPECTED_ENTRIES.filter((entry) => entry !== "solution.xml")) {
      expect(entryText(true, name)).toBe(entryText(false, name));
    }
  });

  it("writes solution.xml from pcf.config.json in the order Dataverse expects", () => {
    const solution = parse(entryText(false, "solution.xml"));
    expect(solution.getAttribute("version")).toBe("9.1.0.643");
    expect(solution.getAttribute("SolutionPackageVersion")).toBe("9.1");
    expect(solution.getAttribute("languagecode")).toBe("1033");
    const manifest = solution.getElementsByTagName("SolutionManifest")[0];
    const children = Array.from(manifest.childNodes).filter((node) => node.nodeType === 1).map((node) => node.nodeName);
    expect(children).toEqual(["UniqueName", "LocalizedNames", "Descriptions", "Version", "Managed", "Publisher", "RootComponents", "MissingDependencies"]);
    expect(manifest.getElementsByTagName("UniqueName")[0].textContent).toBe("TestSolution");
    expect(manifest.getElementsByTagName("Version")[0].textContent).toBe("2.3.4.5");
    const publisher = manifest.getElementsByTagName("Publisher")[0];
    expect(publisher.getElementsByTagName("CustomizationPrefix")[0].textContent).toBe("tst");
    expect(publisher.getElementsByTagName("CustomizationOptionValuePrefix")[0].textContent).toBe("12345");
    expect(publisher.getElementsByTagName("Address")).toHaveLength(2);
    expect(publisher.getElementsByTagName("EMailAddress")[0].getAttribute("xsi:nil")).toBe("true");
    const roots = Array.from(manifest.getElementsByTagName("RootComponent")).map((node) => [node.getAttribute("type"), node.getAttribute("schemaName"), node.getAttribute("behavior")]);
    expect(roots).toEqual([
      ["66", "tst_Test.Space.HealthScoreWidget", "0"],
      ["66", "tst_Test.Space.RelationshipKpiCard", "0"],
      ["380", "tst_RelationshipIntelligenceSettings", "0"],
    ]);
  });

  it("names the solution and publisher in both languages, escaping XML characters", () => {
    const solution = parse(entryText(false, "solution.xml"));
    const labels = Array.from(solution.getElementsByTagName("LocalizedName")).map((node) => [node.getAttribute("languagecode"), node.getAttribute("description")]);
    expect(labels).toEqual([
      ["1033", "Test solution"],
      ["1048", "Soluție de test"],
      ["1033", "Test publisher"],
      ["1048", "Editor de test"],
    ]);
    const descriptions = Array.from(solution.getElementsByTagName("Description")).map((node) => node.getAttribute("description"));
    expect(descriptions).toEqual(["Controls under test.", "Controale testate.", "Publishes tests & <things>.", "Publică teste."]);
  });

  it("lists each control as a CustomControl with child elements, and both languages", () => {
    const customizations = parse(entryText(false, "customizations.xml"));
    const controls = Array.from(customizations.getElementsByTagName("CustomControl")).map((node) => [
      node.getElementsByTagName("Name")[0].textContent,
      node.getElementsByTagName("FileName")[0].textContent,
    ]);
    expect(controls).toEqual([
      ["tst_Test.Space.HealthScoreWidget", "/Controls/tst_Test.Space.HealthScoreWidget/ControlManifest.xml"],
      ["tst_Test.Space.RelationshipKpiCard", "/Controls/tst_Test.Space.RelationshipKpiCard/ControlManifest.xml"],
    ]);
    expect(Array.from(customizations.getElementsByTagName("Language")).map((node) => node.textContent)).toEqual(["1033", "1048"]);
  });

  it("ships the settings variable as JSON with the defaults and labels in both languages", () => {
    const definition = parse(entryText(false, SETTINGS_ENTRY));
    expect(definition.getAttribute("schemaname")).toBe("tst_RelationshipIntelligenceSettings");
    const value = (name: string) => definition.getElementsByTagName(name)[0].textContent;
    expect(value("type")).toBe("100000003");
    expect(value("secretstore")).toBe("0");
    expect(value("isrequired")).toBe("0");
    expect(value("iscustomizable")).toBe("1");
    expect(value("introducedversion")).toBe("2.3.4.5");
    expect(value("defaultvalue")).toBe(serializeSettings(DEFAULT_SETTINGS));
    for (const name of ["displayname", "description"]) {
      const labels = Array.from(definition.getElementsByTagName(name)[0].getElementsByTagName("label"));
      expect(labels.map((label) => label.getAttribute("languagecode"))).toEqual(["1033", "1048"]);
      expect(labels.every((label) => (label.getAttribute("description") ?? "").length > 0)).toBe(true);
    }
  });

  it("declares content types for every extension and an override per manifest", () => {
    const types = parse(entryText(false, "[Content_Types].xml"));
    expect(Array.from(types.getElementsByTagName("Default")).map((node) => [node.getAttribute("Extension"), node.getAttribute("ContentType")])).toEqual([
      ["xml", "text/xml"],
      ["js", "application/octet-stream"],
      ["resx", "application/octet-stream"],
    ]);
    expect(Array.from(types.getElementsByTagName("Override")).map((node) => node.getAttribute("PartName"))).toEqual([
      "/Controls/tst_Test.Space.HealthScoreWidget/ControlManifest.xml",
      "/Controls/tst_Test.Space.RelationshipKpiCard/ControlManifest.xml",
    ]);
  });

  it.each([
    ["customizations.xml", SCHEMA_FILES.customizations],
    ["solution.xml", SCHEMA_FILES.solution],
    [SETTINGS_ENTRY, SCHEMA_FILES.environmentVariable],
  ])("writes %s valid against solution/schemas/%s", async (entry, schema) => {
    const outcome = await validateXML({
      xml: { fileName: "document.xml", contents: unzipSync(zipOf(true))[entry] },
      schema: { fileName: schema, contents: readFileSync(join(SCHEMA_DIR, schema), "utf8") },
    });
    expect(outcome.errors).toEqual([]);
    expect(outcome.valid).toBe(true);
  });

  it("copies the built control files byte for byte", () => {
    const files = unzipSync(zipOf(false));
    const builtBundle = readFileSync(join(root, "out", "controls", "HealthScoreWidget", "bundle.js"));
    expect(Buffer.from(files["Controls/tst_Test.Space.HealthScoreWidget/bundle.js"]).equals(builtBundle)).toBe(true);
  });

  it("takes every name from pcf.config.json", async () => {
    const raw = fixtureConfig();
    raw.publisher.prefix = "abc";
    raw.namespace = "Other";
    raw.solution.uniqueName = "Renamed";
    const otherRoot = writeFixtureRoot(raw);
    // Rebuild the fake output for the new namespace, as npm run build would.
    for (const ctor of ["HealthScoreWidget", "RelationshipKpiCard"]) {
      const dir = join(otherRoot, "out", "controls", ctor);
      writeFileSync(join(dir, "ControlManifest.xml"), readFileSync(join(dir, "ControlManifest.xml"), "utf8").replace('namespace="Test.Space"', 'namespace="Other"'));
      writeFileSync(join(dir, "bundle.js"), readFileSync(join(dir, "bundle.js"), "utf8").replace("'Test.Space.", "'Other."));
    }
    const other = await packageSolution(otherRoot);
    expect(basename(other.solutions[0].path)).toBe("Renamed_2_3_4_5.zip");
    const names = readZipDirectory(readFileSync(other.solutions[0].path)).map((entry) => entry.name);
    expect(names).toContain("Controls/abc_Other.HealthScoreWidget/bundle.js");
    expect(names).toContain("environmentvariabledefinitions/abc_RelationshipIntelligenceSettings/environmentvariabledefinition.xml");
    expect(validateConfig(raw).publisher.prefix).toBe("abc");
  });
});

describe("the package CLI", () => {
  const run = promisify(execFile);
  const tsx = join(__dirname, "..", "..", "node_modules", ".bin", "tsx");
  const cli = join(__dirname, "..", "..", "solution", "package.ts");

  async function failure(rootDir: string): Promise<{ code: number; stderr: string }> {
    try {
      await run(tsx, [cli, rootDir]);
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      return { code, stderr };
    }
    throw new Error("the CLI succeeded");
  }

  it("prints a summary of controls, bundles and zips", async () => {
    const { stdout } = await run(tsx, [cli, writeFixtureRoot()]);
    expect(stdout).toMatch(/^TestSolution 2\.3\.4\.5: 2 controls$/m);
    expect(stdout).toMatch(/^ {2}tst_Test\.Space\.HealthScoreWidget 2\.3\.4005 {2}bundle\.js \d+\.\d KiB$/m);
    expect(stdout).toMatch(/^ {2}managed {4}\d+\.\d KiB {2}solution\/bin\/TestSolution_2_3_4_5_managed\.zip$/m);
  });

  it("prints only the message and exits 1 for a bad pcf.config.json", async () => {
    const raw = fixtureConfig();
    raw.publisher.prefix = "mscrmabc";
    const { code, stderr } = await failure(writeFixtureRoot(raw));
    expect(code).toBe(1);
    expect(stderr).toBe('error: publisher.prefix "mscrmabc" is invalid: it must not start with "mscrm" (reserved by Microsoft)\n');
  });

  it("prints only the message and exits 1 when the build output is missing", async () => {
    const badRoot = writeFixtureRoot();
    rmSync(join(badRoot, "out"), { recursive: true });
    const { code, stderr } = await failure(badRoot);
    expect(code).toBe(1);
    expect(stderr).toBe(`error: ${join(badRoot, "out", "controls")} not found: run "npm run build" first\n`);
  });
});
