/**
 * Time from updateView to the first meaningful render (the widget's content or state, not the
 * loading shimmer), per widget, in Chromium on the production bundles: the playground page hosting
 * one control at a time over the stand-in (no latency), a fresh page per load. Median of LOADS.
 *   npm run bench:render            (after npm run build)
 *   LOADS=15 npm run bench:render
 * Prints a table and writes JSON under bench/results/ (git-ignored). No timing fails anything.
 */
import { mkdirSync, writeFileSync } from "fs";
import { cpus } from "os";
import { join } from "path";
import { checkPrerequisites, launchBrowser, openPlayground, servePlayground } from "../tests/e2e/browser";
import { builtControls } from "../playground/serve";

const LOADS = Math.max(1, Number(process.env.LOADS ?? 9));
/** A record with introducers, an admin, consent pending: every widget has something to show. */
const SITUATION = "record=introducerTarget&user=admin&consent=pendingDay3";

interface Row {
  control: string;
  loads: number;
  medianMs: number | null;
  minMs: number | null;
  maxMs: number | null;
  requests: number;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ms = (value: number | null) => (value === null ? "—" : `${value.toFixed(0)} ms`);

async function main(): Promise<void> {
  checkPrerequisites();
  const { server, url } = await servePlayground();
  const browser = await launchBrowser();
  const rows: Row[] = [];
  try {
    for (const control of builtControls()) {
      const times: number[] = [];
      let requests = 0;
      let hosted = true;
      for (let load = 0; load < LOADS && hosted; load++) {
        const page = await browser.newPage();
        // The CDN's fonts and icons are out of reach here; answer empty so they cost nothing.
        await page.route("**/*", (route) => (route.request().url().startsWith(url) ? route.continue() : route.fulfill({ status: 204, body: "" })));
        const state = await openPlayground(page, url, `?${SITUATION}&only=${control}`, 120_000);
        await page.close();
        if (!state.controls[control]) {
          hosted = false;
          break;
        }
        const time = state.controls[control].meaningfulRenderMs;
        if (time !== null) times.push(time);
        requests = state.requests.length;
      }
      if (hosted) rows.push({ control, loads: times.length, medianMs: median(times), minMs: times.length ? Math.min(...times) : null, maxMs: times.length ? Math.max(...times) : null, requests });
      else console.log(`${control}: not hosted by the playground (dataset control), skipped`);
    }
  } finally {
    await browser.close();
    server.close();
  }

  console.log(`\nupdateView → first meaningful render, Chromium, production bundles, stand-in without latency, ${LOADS} fresh loads each (${cpus().length} CPUs)`);
  console.log(`situation: ${SITUATION}\n`);
  console.log(`${"Widget".padEnd(36)}${"median".padStart(10)}${"min".padStart(10)}${"max".padStart(10)}${"requests".padStart(10)}`);
  for (const row of rows) {
    console.log(`${row.control.padEnd(36)}${ms(row.medianMs).padStart(10)}${ms(row.minMs).padStart(10)}${ms(row.maxMs).padStart(10)}${String(row.requests).padStart(10)}`);
  }
  const results = join(__dirname, "results");
  mkdirSync(results, { recursive: true });
  const file = join(results, `render-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), loads: LOADS, situation: SITUATION, cpus: cpus().length, rows }, null, 2));
  console.log(`\nJSON: ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
