/** @jest-environment node */
import { mkdirSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { validateConfig } from "../../solution/config";
import { readBuiltControls } from "../../solution/controls";
import { PackageError } from "../../solution/errors";
import { fixtureConfig, ManifestOptions, removeTempDirs, tempDir, writeControl } from "./fixture";

const config = validateConfig(fixtureConfig());

function controlsDir(): string {
  return join(tempDir(), "controls");
}

afterAll(removeTempDirs);

function readOne(folder: string, manifest: ManifestOptions): () => unknown {
  const dir = controlsDir();
  writeControl(dir, folder, manifest);
  return () => readBuiltControls(dir, config);
}

describe("readBuiltControls", () => {
  it("reads each control folder, sorted, with its files in manifest order", () => {
    const dir = controlsDir();
    writeControl(dir, "WhoKnowsWhomPanel", { ctor: "WhoKnowsWhomPanel" });
    writeControl(dir, "ConsentBanner", { ctor: "ConsentBanner" });
    const controls = readBuiltControls(dir, config);
    expect(controls.map((control) => control.ctor)).toEqual(["ConsentBanner", "WhoKnowsWhomPanel"]);
    expect(controls[0].files.map((file) => file.path)).toEqual([
      "ControlManifest.xml",
      "bundle.js",
      "strings/ConsentBanner.1033.resx",
      "strings/ConsentBanner.1048.resx",
    ]);
    expect(controls[0].version).toBe("2.3.4005");
  });

  it("keeps the bundler's license file right after the bundle", () => {
    const dir = controlsDir();
    writeControl(dir, "ConsentBanner", { ctor: "ConsentBanner" });
    writeFileSync(join(dir, "ConsentBanner", "bundle.js.LICENSE.txt"), "/*! license */");
    expect(readBuiltControls(dir, config)[0].files.map((file) => file.path).slice(0, 3)).toEqual([
      "ControlManifest.xml",
      "bundle.js",
      "bundle.js.LICENSE.txt",
    ]);
  });

  it("says to build first when out/controls is missing or empty", () => {
    const dir = controlsDir();
    expect(() => readBuiltControls(dir, config)).toThrow(new PackageError(`${dir} not found: run "npm run build" first`));
    mkdirSync(dir, { recursive: true });
    expect(() => readBuiltControls(dir, config)).toThrow(/holds no controls: run "npm run build" first/);
  });

  it("refuses a control whose folder and constructor differ", () => {
    expect(readOne("HealthScore", { ctor: "HealthScoreWidget" })).toThrow(PackageError);
    expect(readOne("HealthScore", { ctor: "HealthScoreWidget" })).toThrow(
      'HealthScore/ControlManifest.xml: constructor "HealthScoreWidget" differs from its folder name "HealthScore"; they must be equal',
    );
  });

  it("refuses a namespace other than the config's", () => {
    expect(readOne("ConsentBanner", { ctor: "ConsentBanner", namespace: "Other" })).toThrow(
      'ConsentBanner/ControlManifest.xml: namespace "Other" differs from pcf.config.json namespace "Test.Space": run "npm run build"',
    );
  });

  it("refuses a control built for another version", () => {
    expect(readOne("ConsentBanner", { ctor: "ConsentBanner", version: "2.3.4" })).toThrow(
      'ConsentBanner/ControlManifest.xml: version "2.3.4" is not 2.3.4005 (from pcf.config.json version 2.3.4.5): run "npm run build"',
    );
  });

  it("refuses a manifest without a bound property or a data-set", () => {
    expect(readOne("ConsentBanner", { ctor: "ConsentBanner", bound: false })).toThrow(
      'ConsentBanner/ControlManifest.xml has no property with usage="bound" and no data-set: a field control is placed on a column, a dataset control on a view',
    );
  });

  it("accepts a dataset control without a bound property", () => {
    expect(readOne("RelationshipHealthList", { ctor: "RelationshipHealthList", bound: false, dataset: true })).not.toThrow();
  });

  it("refuses a manifest without strings for a configured language", () => {
    expect(readOne("ConsentBanner", { ctor: "ConsentBanner", resx: ["strings/ConsentBanner.1033.resx"] })).toThrow(
      'ConsentBanner/ControlManifest.xml names no strings for language 1048 (a resx ending ".1048.resx")',
    );
  });

  it("refuses a resx the manifest names but the build did not write", () => {
    const dir = controlsDir();
    writeControl(dir, "ConsentBanner", { ctor: "ConsentBanner" });
    rmSync(join(dir, "ConsentBanner", "strings", "ConsentBanner.1048.resx"));
    expect(() => readBuiltControls(dir, config)).toThrow("ConsentBanner/ControlManifest.xml names strings/ConsentBanner.1048.resx, which the build did not write");
  });

  it("refuses resource paths that would escape the control's folder", () => {
    const resx = ["strings/ConsentBanner.1033.resx", "../ConsentBanner.1048.resx"];
    expect(readOne("ConsentBanner", { ctor: "ConsentBanner", resx })).toThrow(/names a resource with an unusable path "\.\.\/ConsentBanner\.1048\.resx"/);
  });

  it("refuses a folder without a manifest, and a manifest that is not XML", () => {
    const dir = controlsDir();
    mkdirSync(join(dir, "ConsentBanner"), { recursive: true });
    expect(() => readBuiltControls(dir, config)).toThrow(/ConsentBanner has no ControlManifest\.xml: run "npm run build" first/);
    writeFileSync(join(dir, "ConsentBanner", "ControlManifest.xml"), "<manifest><control>");
    expect(() => readBuiltControls(dir, config)).toThrow(/^ConsentBanner\/ControlManifest\.xml is not well-formed XML: /);
  });
});
