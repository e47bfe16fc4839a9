/**
 * A fake repository root for the packager: pcf.config.json plus an out/controls tree shaped like
 * pcf-scripts production output (built manifest, a bundle ending in the registration stub, resx
 * files), so the tests need no real pcf build.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export const CONTROLS = ["HealthScoreWidget", "RelationshipKpiCard"] as const;

export type FixtureConfig = ReturnType<typeof fixtureConfig>;

export function fixtureConfig() {
  return {
    publisher: {
      uniqueName: "TestPublisher",
      displayName: { "1033": "Test publisher", "1048": "Editor de test" },
      description: { "1033": "Publishes tests & <things>.", "1048": "Publică teste." },
      prefix: "tst",
      optionValuePrefix: 12345,
    },
    namespace: "Test.Space",
    solution: {
      uniqueName: "TestSolution",
      displayName: { "1033": "Test solution", "1048": "Soluție de test" },
      description: { "1033": "Controls under test.", "1048": "Controale testate." },
    },
    version: "2.3.4.5",
    languages: [1033, 1048],
  };
}

/** Marks a field to delete in `changed`. */
export const REMOVE = Symbol("remove");

/** The fixture config with the field at `path` set to `value` (or removed), typed loosely on purpose. */
export function changed(path: string, value: unknown): Record<string, unknown> {
  const config: Record<string, unknown> = fixtureConfig();
  const keys = path.split(".");
  const last = keys.pop()!;
  const target = keys.reduce((object, key) => object[key] as Record<string, unknown>, config);
  if (value === REMOVE) delete target[last];
  else target[last] = value;
  return config;
}

/** "2.3.4.5" → controls are versioned "2.3.4005". */
export const FIXTURE_CONTROL_VERSION = "2.3.4005";

export interface ManifestOptions {
  ctor: string;
  namespace?: string;
  version?: string;
  bound?: boolean;
  /** A dataset control (placed on views) declares a data-set instead of a bound column. */
  dataset?: boolean;
  resx?: string[];
}

export function builtManifest({ ctor, namespace = "Test.Space", version = FIXTURE_CONTROL_VERSION, bound = true, dataset = false, resx }: ManifestOptions): string {
  const strings = resx ?? [`strings/${ctor}.1033.resx`, `strings/${ctor}.1048.resx`];
  return `<?xml version="1.0" encoding="utf-8" standalone="yes"?>
<manifest>
  <control namespace="${namespace}" constructor="${ctor}" version="${version}" display-name-key="${ctor}_Display" description-key="${ctor}_Desc" control-type="virtual" api-version="1.3.18">
    ${dataset ? '<data-set name="records" display-name-key="Records"/>' : ""}
    <property name="boundField" display-name-key="Bound" of-type="SingleLine.Text" usage="${bound ? "bound" : "input"}" required="false"/>
    <property name="recordId" display-name-key="RecordId" of-type="SingleLine.Text" usage="input" required="false"/>
    <resources>
      <code path="bundle.js" order="1"/>
      <platform-library name="React" version="16.14.0"/>
${strings.map((path) => `      <resx path="${path}" version="1.0.0"/>`).join("\n")}
    </resources>
    <built-by name="pcf-scripts" version="1.51.1"/>
  </control>
</manifest>`;
}

/** What pcf-scripts appends to every production bundle (webpackConfig.js generateStub). */
export function builtBundle(namespace: string, ctor: string): string {
  return (
    `var pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad;(()=>{"use strict";pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad={${ctor}:class{}}})();` +
    `\nif (window.ComponentFramework && window.ComponentFramework.registerControl) {\n` +
    `\tComponentFramework.registerControl('${namespace}.${ctor}', pcf_tools_652ac3f36e1e4bca82eb3c1dc44e6fad.${ctor});\n` +
    `} else {\n\tvar Test = Test || {};\n}`
  );
}

export function resx(text: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<root>
  <data name="Title" xml:space="preserve"><value>${text}</value></data>
</root>`;
}

export function writeControl(controlsDir: string, folder: string, manifest: ManifestOptions, bundle?: string): void {
  const dir = join(controlsDir, folder);
  mkdirSync(join(dir, "strings"), { recursive: true });
  writeFileSync(join(dir, "ControlManifest.xml"), builtManifest(manifest));
  writeFileSync(join(dir, "bundle.js"), bundle ?? builtBundle(manifest.namespace ?? "Test.Space", manifest.ctor));
  writeFileSync(join(dir, "strings", `${manifest.ctor}.1033.resx`), resx("Health"));
  writeFileSync(join(dir, "strings", `${manifest.ctor}.1048.resx`), resx("Sănătate"));
}

const tempDirs: string[] = [];

/** A fresh temp directory, removed by removeTempDirs. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "relint-solution-"));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A temp root with a valid config and two built controls; returns its path. */
export function writeFixtureRoot(config: object = fixtureConfig()): string {
  const root = tempDir();
  writeFileSync(join(root, "pcf.config.json"), JSON.stringify(config, null, 2));
  for (const ctor of CONTROLS) writeControl(join(root, "out", "controls"), ctor, { ctor });
  return root;
}
