/**
 * Every built control in Microsoft's own test harness (pcf-start) in headless Chromium: the
 * production bundle loads on the platform's React and Fluent, renders, and says what it can in a
 * host without data access, instead of breaking. Needs `npm run build` and Debian's chromium.
 * Run by tests/e2e/run.ts (npm run test:e2e), one result per control.
 */
import { spawn, type ChildProcess } from "child_process";
import { existsSync, readFileSync } from "fs";
import { request } from "http";
import { join } from "path";
import type { Browser } from "playwright-core";
import { parseResx } from "../../shared/ui/strings/resx";
import { CONTROLS_DIR } from "../../playground/serve";
import { launchBrowser, ROOT } from "./browser";

const HARNESS_URL = "http://127.0.0.1:8181/";

/** What each control must show in a host with no form record and no data access. */
const EXPECTED: Record<string, string> = {
  HealthScoreWidget: "state.noRecord.title",
  RelationshipKpiCard: "state.noRecord.title",
  WhoKnowsWhomPanel: "state.noRecord.title",
  ConsentBanner: "state.unavailable.title",
  RelationshipIntelligenceSettings: "state.unavailable.title",
};

const strings = (lcid: number) => parseResx(readFileSync(join(ROOT, "shared", "ui", "strings", `common.${lcid}.resx`), "utf8"));
const english = strings(1033);
const romanian = strings(1048);

function harnessUp(): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(HARNESS_URL, { method: "GET", timeout: 1000 }, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on("error", () => resolve(false));
    req.on("timeout", () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

async function startHarness(ctor: string): Promise<ChildProcess> {
  const harness = spawn(process.execPath, [require.resolve("pcf-start/bin/pcf-start.js"), "--codePath", join(CONTROLS_DIR, ctor), "--open", "false"], {
    cwd: ROOT,
    env: { ...process.env, PP_TOOLS_TELEMETRY_OPTOUT: "true" },
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 60; attempt++) {
    if (await harnessUp()) return harness;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  harness.kill();
  throw new Error("pcf-start did not start within 30 s");
}

function stopHarness(harness: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    harness.once("exit", () => resolve());
    harness.kill();
    setTimeout(resolve, 3000);
  });
}

/** The harness page loads React from a CDN this machine cannot reach: serve the same files locally. */
function umdFile(url: string): string | null {
  const match = /\/(react|react-dom)@16\.14\.0\/umd\/([\w.-]+\.js)$/.exec(url);
  if (!match) return null;
  const file = join(ROOT, "node_modules", match[1], "umd", match[2]);
  return existsSync(file) ? file : null;
}

async function checkControl(browser: Browser, ctor: string): Promise<string | null> {
  const harness = await startHarness(ctor);
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  try {
    page.on("pageerror", (error) => pageErrors.push(error.message));
    // The harness alerts "not yet supported" for webAPI calls: accept, as a user would.
    page.on("dialog", (dialog) => void dialog.accept());
    await page.route("**/*", (route) => {
      const url = route.request().url();
      const local = umdFile(url);
      if (local) return route.fulfill({ path: local, contentType: "application/javascript" });
      return url.startsWith("http://127.0.0.1") ? route.continue() : route.abort();
    });
    await page.goto(HARNESS_URL, { waitUntil: "load", timeout: 30_000 });
    // The harness loads every resx the manifest names and may serve either language's strings.
    const key = EXPECTED[ctor];
    await page.getByText(english[key]).or(page.getByText(romanian[key])).first().waitFor({ timeout: 30_000 });
    const ours = pageErrors.filter((message) => !/not yet supported/i.test(message));
    return ours.length === 0 ? null : `page errors: ${ours.join("; ")}`;
  } catch (error) {
    return (error as Error).message.split("\n")[0];
  } finally {
    await page.close();
    await stopHarness(harness);
  }
}

export async function pcfStartCases(): Promise<{ name: string; problem: string | null }[]> {
  const browser = await launchBrowser();
  const results: { name: string; problem: string | null }[] = [];
  try {
    for (const ctor of Object.keys(EXPECTED)) {
      const name = `${ctor} renders in pcf-start and shows "${EXPECTED[ctor]}"`;
      if (!existsSync(join(CONTROLS_DIR, ctor, "bundle.js"))) {
        results.push({ name, problem: "out/controls is missing: run npm run build first" });
        continue;
      }
      results.push({ name, problem: await checkControl(browser, ctor) });
    }
  } finally {
    await browser.close();
  }
  return results;
}
