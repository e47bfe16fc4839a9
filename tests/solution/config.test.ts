/** @jest-environment node */
import { writeFileSync } from "fs";
import { join } from "path";
import { ConfigError, controlVersion, loadConfig, schemaName, settingsVariableSchemaName, validateConfig } from "../../solution/config";
import { changed, fixtureConfig, REMOVE, removeTempDirs, tempDir } from "./fixture";

afterAll(removeTempDirs);

function errorOf(raw: unknown): ConfigError {
  try {
    validateConfig(raw);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("validateConfig accepted the config");
}

describe("validateConfig", () => {
  it("accepts a complete config and returns its values", () => {
    const config = validateConfig(fixtureConfig());
    expect(config.publisher.prefix).toBe("tst");
    expect(config.publisher.optionValuePrefix).toBe(12345);
    expect(config.namespace).toBe("Test.Space");
    expect(config.solution.displayName).toEqual({ "1033": "Test solution", "1048": "Soluție de test" });
    expect(config.languages).toEqual([1033, 1048]);
  });

  it("accepts the repository's own pcf.config.json", () => {
    expect(() => loadConfig(join(__dirname, "..", ".."))).not.toThrow();
  });

  const broken: Array<[string, string, unknown, RegExp]> = [
    ["missing prefix", "publisher.prefix", REMOVE, /^publisher\.prefix is missing$/],
    ["upper-case prefix", "publisher.prefix", "Tst", /^publisher\.prefix "Tst" is invalid: use 2–8 lower-case letters or digits/],
    ["one-letter prefix", "publisher.prefix", "t", /publisher\.prefix "t" is invalid/],
    ["nine-letter prefix", "publisher.prefix", "abcdefghi", /publisher\.prefix "abcdefghi" is invalid/],
    ["prefix starting with a digit", "publisher.prefix", "1ab", /publisher\.prefix "1ab" is invalid/],
    ["mscrm prefix", "publisher.prefix", "mscrmx", /publisher\.prefix "mscrmx" is invalid: it must not start with "mscrm"/],
    ["three-part version", "version", "1.0.0", /^version "1\.0\.0" is invalid: use four numbers 0\.\.65535/],
    ["non-numeric version", "version", "1.0.0.x", /^version "1\.0\.0\.x" is invalid/],
    ["version part above 65535", "version", "1.65536.0.0", /^version "1\.65536\.0\.0" is invalid/],
    ["version with leading zero", "version", "1.01.0.0", /^version "1\.01\.0\.0" is invalid/],
    ["revision above 999", "version", "1.0.0.1000", /^version "1\.0\.0\.1000" is invalid: the fourth number must be 0\.\.999/],
    ["numeric version", "version", 1, /^version must be a non-empty string$/],
    ["missing publisher unique name", "publisher.uniqueName", REMOVE, /^publisher\.uniqueName is missing$/],
    ["publisher unique name with a space", "publisher.uniqueName", "Test Publisher", /^publisher\.uniqueName "Test Publisher" is invalid/],
    ["namespace with a dash", "namespace", "Test-Space", /^namespace "Test-Space" is invalid/],
    ["namespace ending in a dot", "namespace", "Test.", /^namespace "Test\." is invalid/],
    ["solution unique name with a dot", "solution.uniqueName", "Test.Solution", /^solution\.uniqueName "Test\.Solution" is invalid/],
    ["missing solution", "solution", REMOVE, /^solution must be an object \(it is missing\)$/],
    ["languages without 1048", "languages", [1033], /^languages must include 1048/],
    ["languages without 1033", "languages", [1048], /^languages must include 1033/],
    ["missing languages", "languages", REMOVE, /^languages is missing$/],
    ["a language listed twice", "languages", [1033, 1048, 1033], /^languages lists a language twice$/],
    ["a display name missing 1048", "solution.displayName.1048", REMOVE, /^solution\.displayName is missing language 1048$/],
    ["a description missing 1033", "publisher.description.1033", REMOVE, /^publisher\.description is missing language 1033$/],
    ["an empty localized text", "publisher.displayName.1048", " ", /^publisher\.displayName\.1048 must be a non-empty string$/],
    ["text for an unlisted language", "solution.description.1031", "Test", /^solution\.description has text for "1031", which is not in languages$/],
    ["option value prefix too small", "publisher.optionValuePrefix", 9999, /^publisher\.optionValuePrefix 9999 is invalid: use a whole number 10000\.\.99999$/],
    ["option value prefix too large", "publisher.optionValuePrefix", 100000, /^publisher\.optionValuePrefix 100000 is invalid/],
    ["option value prefix as text", "publisher.optionValuePrefix", "12345", /^publisher\.optionValuePrefix "12345" is invalid/],
  ];

  it.each(broken)("refuses %s with a one-line message naming the field", (_name, path, value, message) => {
    const error = errorOf(changed(path, value));
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
  });

  it("accepts the version bounds it documents", () => {
    expect(validateConfig(changed("version", "65535.0.65535.999")).version).toBe("65535.0.65535.999");
    expect(validateConfig(changed("version", "0.0.0.0")).version).toBe("0.0.0.0");
  });

  it("refuses a config that is not an object", () => {
    expect(errorOf([]).message).toBe("pcf.config.json must be an object");
  });
});

describe("loadConfig", () => {
  it("names the missing file", () => {
    const dir = tempDir();
    expect(() => loadConfig(dir)).toThrow(new ConfigError(`pcf.config.json not found in ${dir}`));
  });

  it("reports JSON syntax errors as a ConfigError", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "pcf.config.json"), "{ version: 1 }");
    expect(() => loadConfig(dir)).toThrow(/^pcf\.config\.json is not valid JSON: /);
  });
});

describe("derived names", () => {
  const config = validateConfig(fixtureConfig());

  it("folds the revision into the control's third version part", () => {
    expect(controlVersion(config)).toBe("2.3.4005");
    expect(controlVersion(validateConfig(changed("version", "1.0.0.0")))).toBe("1.0.0");
    expect(controlVersion(validateConfig(changed("version", "1.2.0.7")))).toBe("1.2.7");
  });

  it("gives every change of the solution version a different control version", () => {
    const versions = ["1.0.0.999", "1.0.1.0", "1.0.1.1", "1.1.0.0"].map((version) => controlVersion(validateConfig(changed("version", version))));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it("builds schema names from prefix and namespace", () => {
    expect(schemaName(config, "HealthScoreWidget")).toBe("tst_Test.Space.HealthScoreWidget");
    expect(settingsVariableSchemaName(config)).toBe("tst_RelationshipIntelligenceSettings");
  });
});
