/**
 * `npm run package`: turns the build output (out/controls) into the two zips admins import,
 * solution/bin/<UniqueName>_<version>.zip (unmanaged) and ..._managed.zip, and validates each
 * written file before reporting it. Expected failures print one line and exit 1.
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, relative, resolve } from "path";
import { DEFAULT_SETTINGS, serializeSettings } from "../shared/analytics/settings";
import { buildSolutionZip } from "./assemble";
import { loadConfig, PcfConfig, schemaName } from "./config";
import { BuiltControl, readBuiltControls } from "./controls";
import { describeFailure } from "./errors";
import { BUNDLE_FILE, solutionZipName } from "./layout";
import { validateSolutionZip } from "./validate";

export interface PackagedSolution {
  managed: boolean;
  path: string;
  bytes: number;
}

export interface PackageResult {
  controls: BuiltControl[];
  solutions: PackagedSolution[];
}

/** Packages rootDir/out/controls into rootDir/solution/bin, validating what it wrote. */
export async function packageSolution(rootDir: string, log: (line: string) => void = () => undefined): Promise<PackageResult> {
  log(`reading ${join(rootDir, "pcf.config.json")}`);
  const config = loadConfig(rootDir);
  const controlsDir = join(rootDir, "out", "controls");
  log(`reading built controls in ${controlsDir}`);
  const controls = readBuiltControls(controlsDir, config);
  const binDir = join(rootDir, "solution", "bin");
  mkdirSync(binDir, { recursive: true });
  const solutions: PackagedSolution[] = [];
  for (const managed of [false, true]) {
    const path = join(binDir, solutionZipName(config, managed));
    log(`writing ${managed ? "managed" : "unmanaged"} solution ${path}`);
    writeFileSync(path, buildSolutionZip({ config, controls, settingsDefaultJson: serializeSettings(DEFAULT_SETTINGS), managed }));
    log(`validating ${path}`);
    // Validate the file as written, not the bytes in memory: that is what admins import.
    const written = readFileSync(path);
    await validateSolutionZip(written, { config, managed }, solutionZipName(config, managed));
    solutions.push({ managed, path, bytes: written.length });
  }
  return { controls, solutions };
}

function summary(rootDir: string, config: PcfConfig, result: PackageResult): string[] {
  return [
    `${config.solution.uniqueName} ${config.version}: ${result.controls.length} control${result.controls.length === 1 ? "" : "s"}`,
    ...result.controls.map((control) => {
      const bundle = control.files.find((file) => file.path === BUNDLE_FILE)!;
      return `  ${schemaName(config, control.ctor)} ${control.version}  bundle.js ${kib(bundle.bytes.length)}`;
    }),
    ...result.solutions.map((solution) => `  ${(solution.managed ? "managed" : "unmanaged").padEnd(9)}  ${kib(solution.bytes)}  ${relative(rootDir, solution.path)}`),
  ];
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** `tsx solution/package.ts [rootDir]`: the repository root unless another is given. */
async function main(): Promise<void> {
  const rootDir = resolve(process.argv[2] ?? join(__dirname, ".."));
  const result = await packageSolution(rootDir, (line) => console.log(`package: ${line}`));
  for (const line of summary(rootDir, loadConfig(rootDir), result)) console.log(line);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(describeFailure(error));
    process.exit(1);
  });
}
