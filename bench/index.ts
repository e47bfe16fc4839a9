/**
 * npm run bench: one table anyone can reproduce. The bundle sizes of the fresh production build
 * (npm run bench builds first), the four-widget form's load cost and the health list's cost per page
 * against the stand-in, printed and written as JSON to bench/results/bench.json (git-ignored). Nothing here fails on a number.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { bundleTable, measureBundles } from "./bundles";
import { listCostTable, measureListCost } from "./listCost";
import { loadCostTable, measureLoadCost } from "./loadCost";

async function main(): Promise<void> {
  const bundles = await measureBundles();
  console.log(bundleTable(bundles).join("\n"));
  console.log("");
  console.error("Measuring the four-widget form (seeding up to 100,000 activities takes a while)…");
  const load = await measureLoadCost((line) => console.error(line));
  console.log(loadCostTable(load).join("\n"));
  console.log("");
  console.error("Measuring the health list on pages of 50 and 250 records…");
  const list = await measureListCost((line) => console.error(line));
  console.log(listCostTable(list).join("\n"));
  const dir = join(__dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "bench.json");
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, bundles, load, list }, null, 2));
  console.log(`\nJSON: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
