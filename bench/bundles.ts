/**
 * Size of each built control: raw and gzip bundle.js, as the host downloads it.
 * Run after `npm run build`: npm run bench:bundles
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";

const outDir = join(__dirname, "..", "out", "controls");
if (!existsSync(outDir)) {
  console.error("out/controls is missing: run npm run build first");
  process.exit(1);
}
console.log("control                             raw KiB   gzip KiB");
for (const ctor of readdirSync(outDir).sort()) {
  const bundle = readFileSync(join(outDir, ctor, "bundle.js"));
  const kib = (n: number) => (n / 1024).toFixed(1).padStart(9);
  console.log(`${ctor.padEnd(34)}${kib(bundle.length)}  ${kib(gzipSync(bundle, { level: 9 }).length)}`);
}
