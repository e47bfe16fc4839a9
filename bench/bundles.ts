/**
 * Size of each built control as the host downloads it (bundle.js raw and gzip, level 9) against
 * the budget, and what each bundle is made of by source folder. Run after `npm run build`:
 * npm run bench:bundles (also part of npm run bench).
 *
 * The breakdown comes from esbuild's metafile for the same entry, minified for the same browsers
 * (pcfconfig.json), with the platform libraries external as in the real build: webpack's scope
 * hoisting leaves no module boundaries in bundle.js, so the shares are an estimate applied to the
 * real size.
 */
import { build } from "esbuild";
import { existsSync, readdirSync, readFileSync } from "fs";
import { dirname, join, relative } from "path";
import { gzipSync } from "zlib";
import { budgetVerdict, kib } from "./measure";

const root = join(__dirname, "..");
const outDir = join(root, "out", "controls");

export const BUDGET = {
  rawKiB: 48,
  gzipKiB: 16.5,
  widgets: ["ConsentBanner", "HealthScoreWidget", "RelationshipKpiCard", "WhoKnowsWhomPanel"],
  widgetsRawKiB: 160,
};

export interface FolderShare {
  folder: string;
  /** Estimated bytes of the real bundle.js. */
  bytes: number;
  share: number;
}

export interface BundleSize {
  control: string;
  raw: number;
  gzip: number;
  verdict: "ok" | "OVER BUDGET";
  folders: FolderShare[];
}

export interface BundleResults {
  targets: Record<string, string>;
  esbuildTargets: string[];
  bundles: BundleSize[];
  widgetsRaw: number;
  widgetsVerdict: "ok" | "OVER BUDGET";
}

/** Babel's targets (pcfconfig.json: lowest version per browser) in esbuild's words: chrome111, safari16.4. */
export function esbuildTargets(targets: Record<string, string>): string[] {
  return Object.entries(targets)
    .map(([browser, version]) => `${browser}${version}`)
    .sort();
}

/** shared/queries/x.ts → shared/queries; components/X/… → components/X; node_modules/pkg/… → node_modules/pkg. */
export function folderOf(path: string): string {
  const parts = path.split("/");
  if (parts[0] === "node_modules") return parts.slice(0, parts[1]?.startsWith("@") ? 3 : 2).join("/");
  if (parts.length === 1) return path;
  return parts[0] === "shared" && parts.length === 2 ? "shared" : dirname(path).split("/").slice(0, 2).join("/");
}

async function foldersOf(control: string, targets: string[], realBytes: number): Promise<FolderShare[]> {
  const entry = join(root, "components", control, "index.ts");
  if (!existsSync(entry)) return [];
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: "iife",
    platform: "browser",
    target: targets,
    outfile: join(root, "out", "breakdown", `${control}.js`),
    external: ["react", "react-dom", "@fluentui/*"],
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) return [];
  const byFolder = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    // esbuild keeps a whole imported JSON file; webpack keeps only the fields used (about 60 bytes).
    if (input.endsWith(".json")) continue;
    const folder = folderOf(relative(root, join(root, input)).split("\\").join("/"));
    byFolder.set(folder, (byFolder.get(folder) ?? 0) + bytesInOutput);
  }
  const total = [...byFolder.values()].reduce((a, b) => a + b, 0);
  return [...byFolder]
    .map(([folder, bytes]) => ({ folder, bytes: Math.round((bytes / total) * realBytes), share: bytes / total }))
    .sort((a, b) => b.bytes - a.bytes);
}

export async function measureBundles(): Promise<BundleResults> {
  if (!existsSync(outDir)) throw new Error("out/controls is missing: run npm run build first");
  const targets = (JSON.parse(readFileSync(join(root, "pcfconfig.json"), "utf8")) as { targets: Record<string, string> }).targets;
  const engines = esbuildTargets(targets);
  const bundles: BundleSize[] = [];
  for (const control of readdirSync(outDir).sort()) {
    const file = join(outDir, control, "bundle.js");
    if (!existsSync(file)) continue;
    const bundle = readFileSync(file);
    const gzip = gzipSync(bundle, { level: 9 }).length;
    const verdict = budgetVerdict(bundle.length, BUDGET.rawKiB) === "ok" && budgetVerdict(gzip, BUDGET.gzipKiB) === "ok" ? "ok" : "OVER BUDGET";
    bundles.push({ control, raw: bundle.length, gzip, verdict, folders: await foldersOf(control, engines, bundle.length) });
  }
  const widgetsRaw = bundles.filter((b) => BUDGET.widgets.includes(b.control)).reduce((sum, b) => sum + b.raw, 0);
  return { targets, esbuildTargets: engines, bundles, widgetsRaw, widgetsVerdict: budgetVerdict(widgetsRaw, BUDGET.widgetsRawKiB) };
}

export function bundleTable(results: BundleResults): string[] {
  const lines = [
    `Bundles (out/controls/*/bundle.js), compiled for ${results.esbuildTargets.join(", ")} and later (pcfconfig.json)`,
    `budget: each at most ${BUDGET.rawKiB} KiB raw and ${BUDGET.gzipKiB} KiB gzip; the four widgets together at most ${BUDGET.widgetsRawKiB} KiB raw`,
    "",
    "control                             raw KiB  gzip KiB  budget",
  ];
  for (const b of results.bundles) {
    lines.push(`${b.control.padEnd(34)}${kib(b.raw).padStart(9)} ${kib(b.gzip).padStart(9)}  ${b.verdict}`);
  }
  lines.push(`${"four widgets together".padEnd(34)}${kib(results.widgetsRaw).padStart(9)} ${"".padStart(9)}  ${results.widgetsVerdict}`);
  lines.push("");
  lines.push("What each bundle is made of, by source folder (estimated KiB of the real bundle, share):");
  for (const b of results.bundles) {
    const parts = b.folders.filter((f) => f.share >= 0.01).map((f) => `${f.folder} ${kib(f.bytes)} (${Math.round(f.share * 100)}%)`);
    lines.push(`  ${b.control}: ${parts.join(", ")}`);
  }
  return lines;
}

if (require.main === module) {
  measureBundles()
    .then((results) => console.log(bundleTable(results).join("\n")))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
