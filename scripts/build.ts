/**
 * Builds every control in components/ with pcf-scripts in production mode into out/controls.
 *
 * pcf.config.json is the one place for the namespace and version, so the source manifests carry
 * neither: each control is staged into .stage/<Ctor>/ with both stamped in and with the strings
 * every widget shares (shared/ui/strings/common.<lcid>.resx) merged into its own resx files.
 * .stage sits at the same depth as components/, so `../../shared` imports resolve unchanged.
 * pcf-scripts reads pcfconfig.json (the browsers Babel compiles for) and featureconfig.json (its
 * feature switches) from its working directory, and merges webpack.config.js from the folder above
 * the controls, so the repository's copies are staged next to the controls.
 */
import { execFileSync } from "child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { controlVersion, loadConfig, type PcfConfig } from "../solution/config";
import { ConfigError } from "../solution/errors";
import { mergeResx } from "./resx";

const root = resolve(__dirname, "..");
const stageDir = join(root, ".stage");
const outDir = join(root, "out", "controls");
const MANIFEST = "ControlManifest.Input.xml";
/** Repository file → name pcf-scripts looks for in .stage. */
const PCF_SCRIPTS_FILES: ReadonlyArray<[string, string]> = [
  ["pcfconfig.json", "pcfconfig.json"],
  ["featureconfig.json", "featureconfig.json"],
  ["pcf-webpack.config.js", "webpack.config.js"],
];

export function controlFolders(componentsDir: string): string[] {
  return readdirSync(componentsDir)
    .filter((name) => existsSync(join(componentsDir, name, MANIFEST)))
    .sort();
}

/** Adds namespace and version to the <control> element; refuses a manifest that names either itself. */
export function stampManifest(xml: string, ctor: string, config: PcfConfig): string {
  const control = /<control\s[^>]*>/.exec(xml);
  if (!control) throw new ConfigError(`components/${ctor}/${MANIFEST} has no <control> element`);
  const tag = control[0];
  const declared = /\sconstructor="([^"]*)"/.exec(tag)?.[1];
  if (declared !== ctor) {
    throw new ConfigError(`components/${ctor}: the manifest's constructor "${declared ?? ""}" must equal the folder name "${ctor}"`);
  }
  if (/\s(namespace|version)=/.test(tag)) {
    throw new ConfigError(`components/${ctor}/${MANIFEST} must not set namespace or version: they come from pcf.config.json`);
  }
  if (!/usage="bound"/.test(xml) && !/<data-set\s/.test(xml)) {
    throw new ConfigError(`components/${ctor}/${MANIFEST} has no bound property or data-set: the form or view designer needs one to place the control`);
  }
  const stamped = tag.replace("<control", `<control namespace="${config.namespace}" version="${controlVersion(config)}"`);
  return xml.replace(tag, stamped);
}

function stageControl(ctor: string, config: PcfConfig): void {
  const source = join(root, "components", ctor);
  const target = join(stageDir, ctor);
  cpSync(source, target, { recursive: true, filter: (path) => !path.includes(`${ctor}/generated`) });
  writeFileSync(join(target, MANIFEST), stampManifest(readFileSync(join(source, MANIFEST), "utf8"), ctor, config));
  for (const lcid of config.languages) {
    const own = join(source, "strings", `${ctor}.${lcid}.resx`);
    const common = join(root, "shared", "ui", "strings", `common.${lcid}.resx`);
    if (!existsSync(own)) throw new ConfigError(`components/${ctor}/strings/${ctor}.${lcid}.resx is missing (language ${lcid} is in pcf.config.json)`);
    const merged = existsSync(common) ? mergeResx(readFileSync(common, "utf8"), readFileSync(own, "utf8")) : readFileSync(own, "utf8");
    writeFileSync(join(target, "strings", `${ctor}.${lcid}.resx`), merged);
  }
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

function main(): void {
  const config = loadConfig(root);
  const controls = controlFolders(join(root, "components"));
  if (controls.length === 0) throw new ConfigError("components/ holds no control (no ControlManifest.Input.xml found)");
  rmSync(stageDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(stageDir, { recursive: true });
  // ts-loader needs a config that emits; everything else comes from the project's tsconfig.
  writeFileSync(
    join(stageDir, "tsconfig.json"),
    JSON.stringify({ extends: "../tsconfig.json", compilerOptions: { noEmit: false, types: ["powerapps-component-framework"] }, include: ["./**/*"], exclude: [] }),
  );
  for (const [source, staged] of PCF_SCRIPTS_FILES) cpSync(join(root, source), join(stageDir, staged));
  for (const ctor of controls) {
    stageControl(ctor, config);
    console.log(`staged ${ctor} (${config.namespace}, version ${controlVersion(config)})`);
  }
  console.log(`building ${controls.length} controls with pcf-scripts (production)…`);
  execFileSync(
    process.execPath,
    [require.resolve("pcf-scripts/bin/pcf-scripts"), "build", "--outDir", outDir, "--buildMode", "production", "--skipBuildLinting", "true"],
    { cwd: stageDir, stdio: "inherit", env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" } },
  );
  for (const ctor of controls) {
    const bundle = join(outDir, ctor, "bundle.js");
    if (!existsSync(bundle)) throw new Error(`pcf-scripts produced no bundle for ${ctor}`);
    console.log(`  ${ctor}: bundle.js ${kib(statSync(bundle).size)}`);
  }
  rmSync(stageDir, { recursive: true, force: true });
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`build failed: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
