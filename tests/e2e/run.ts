/**
 * Browser tests on the production bundles: the playground page (playground/, the way a form hosts
 * the controls) in Debian's chromium under Playwright, plus every built control in Microsoft's
 * pcf-start harness. Needs `npm run build` (out/controls) and `npx tsx playground/build.ts`;
 * `npm run test:e2e` does the second. Prints one line per test and closes with "N passed, M failed".
 * Screenshots of every widget go to tests/e2e/screenshots/ (git-ignored).
 */
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { BrowserContext } from "playwright-core";
import { checkPrerequisites, launchChromium, servePlayground, openPlayground } from "./browser";
import { axeFindings, builtStrings, describeFindings, hostedControls, keyboardReach, shownAs, widgetText } from "./pageChecks";
import { flowCases } from "./flows";
import { pcfStartCases } from "./harness";
import type { Suite } from "./suite";

const SCREENSHOTS = join(__dirname, "screenshots");
const RECORD_WIDGETS = ["HealthScoreWidget", "RelationshipKpiCard", "WhoKnowsWhomPanel"];

// ---- states --------------------------------------------------------------------------------------

interface StateSpec {
  label: string;
  query: string;
  language?: number;
  /** What the record widgets must say (a common string key), when the state has one message. */
  recordWidgetsSay?: string;
  /** Controls allowed to render nothing here (the seller's banner while nothing affects them). */
  mayBeEmpty?: string[];
}

const SELLER_QUIET = ["ConsentBanner"];

const STATES: StateSpec[] = [
  ...["hot", "cooling", "oneWay", "dormant", "brandNew", "qualifiedLead", "closedWon", "introducerTarget"].map((record) => ({
    label: `story ${record}`,
    query: `?record=${record}&consent=granted`,
    mayBeEmpty: SELLER_QUIET,
  })),
  { label: "unsaved form", query: "?record=unsaved&consent=granted", recordWidgetsSay: "state.unsaved.title", mayBeEmpty: SELLER_QUIET },
  { label: "unsupported table", query: "?record=unsupportedTable&consent=granted", mayBeEmpty: SELLER_QUIET },
  { label: "System Administrator", query: "?user=admin&record=introducerTarget" },
  ...(["notActivated", "pendingDay3", "pendingDay13", "lapsed", "granted", "unsupportedGeography"] as const).flatMap((consent) => [
    { label: `consent ${consent}, seller`, query: `?consent=${consent}&record=introducerTarget`, mayBeEmpty: SELLER_QUIET, ...(consent === "notActivated" ? { recordWidgetsSay: "state.featureOff.notActivated.title" } : {}) },
    // Once consent is granted (in any geography) the admin's banner has nothing left to ask: it may render nothing.
    { label: `consent ${consent}, admin`, query: `?consent=${consent}&record=introducerTarget&user=admin`, ...(consent === "granted" || consent === "unsupportedGeography" ? { mayBeEmpty: SELLER_QUIET } : {}) },
  ]),
  { label: "offline", query: "?faults=offline&consent=granted", recordWidgetsSay: "state.offline.title", mayBeEmpty: SELLER_QUIET },
  { label: "throttling", query: "?faults=throttling&consent=granted", mayBeEmpty: SELLER_QUIET },
  { label: "slow network", query: "?faults=slowNetwork&consent=granted", mayBeEmpty: SELLER_QUIET },
  { label: "server error", query: "?faults=serverError&consent=granted", mayBeEmpty: SELLER_QUIET },
  { label: "no read privilege on activities", query: "?deny=activitypointer&consent=granted", recordWidgetsSay: "state.noPrivilegeTable.title", mayBeEmpty: SELLER_QUIET },
  { label: "Romanian", query: "?lang=1048&record=introducerTarget&user=admin", language: 1048 },
  { label: "time zone Europe/Bucharest", query: "?tz=Europe/Bucharest&record=hot&consent=granted", mayBeEmpty: SELLER_QUIET },
];

/** Themes, languages and form factors, each also screenshotted widget by widget. */
const LOOKS = (["light", "dark", "contrast"] as const).flatMap((theme) =>
  ([1033, 1048] as const).flatMap((language) =>
    (theme === "contrast" ? (["desktop"] as const) : (["desktop", "phone"] as const)).map((formFactor) => ({ theme, language, formFactor })),
  ),
);

/** Loads one state and runs every page check on it; each check is its own test line. */
async function checkState(suite: Suite, spec: StateSpec, record: (name: string, problem: string | null) => void, screenshotName?: string): Promise<void> {
  const { page, consoleErrors } = await suite.page();
  const language = spec.language ?? 1033;
  try {
    const state = await openPlayground(page, suite.base, spec.query, 60_000);
    const controls = await hostedControls(page);
    const silent: string[] = [];
    const wrong: string[] = [];
    for (const ctor of controls) {
      const text = (await widgetText(page, ctor)).trim();
      if (text === "" && !(spec.mayBeEmpty ?? []).includes(ctor)) silent.push(ctor);
      if (spec.recordWidgetsSay && RECORD_WIDGETS.includes(ctor)) {
        const expected = builtStrings(ctor, language)[spec.recordWidgetsSay];
        if (!shownAs(expected).test(text)) wrong.push(`${ctor} does not say "${expected}" (shows "${text.slice(0, 80)}")`);
      }
    }
    const broken = controls.filter((ctor) => /Failed to mount/.test(state.errors.join("\n")) && state.errors.join("\n").includes(ctor));
    record(`${spec.label}: each widget shows its text`, [...silent.map((ctor) => `${ctor} shows nothing`), ...wrong, ...broken.map((ctor) => `${ctor} failed to mount`)].join("; ") || null);
    const errors = [...consoleErrors, ...state.errors, ...state.missingStrings.map((key) => `missing string ${key}`)];
    record(`${spec.label}: no console error`, errors.length ? errors.slice(0, 5).join(" | ") : null);
    const findings = await axeFindings(page);
    record(`${spec.label}: axe finds no serious or critical violation`, findings.length ? describeFindings(findings) : null);
    if (screenshotName) {
      for (const ctor of controls) await page.locator(`section[data-ctor="${ctor}"]`).screenshot({ path: join(suite.screenshots, `${ctor}.${screenshotName}.png`) });
    }
  } catch (error) {
    record(`${spec.label}: page loads and every widget renders`, (error as Error).message.split("\n")[0]);
  } finally {
    await page.close();
  }
}

async function keyboardCase(suite: Suite, record: (name: string, problem: string | null) => void): Promise<void> {
  const { page } = await suite.page();
  try {
    await openPlayground(page, suite.base, "?user=admin&record=introducerTarget&consent=pendingDay3", 60_000);
    for (const ctor of await hostedControls(page)) {
      const { unreached, tabbable } = await keyboardReach(page, ctor);
      record(`keyboard: Tab reaches every control of ${ctor} (${tabbable} tabbable)`, unreached.length ? `not reached: ${unreached.slice(0, 6).join(", ")}` : null);
    }
  } catch (error) {
    record("keyboard: Tab reaches every control of every widget", (error as Error).message.split("\n")[0]);
  } finally {
    await page.close();
  }
}

// ---- runner --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  checkPrerequisites();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { server, url } = await servePlayground();
  const profile = mkdtempSync(join(tmpdir(), "relint-e2e-"));
  let browser: BrowserContext | null = null;
  let passed = 0;
  let failed = 0;
  const record = (name: string, problem: string | null) => {
    if (problem === null) {
      passed++;
      console.log(`✓ ${name}`);
    } else {
      failed++;
      console.log(`✕ ${name}\n    ${problem}`);
    }
  };
  try {
    browser = await launchChromium(profile);
    const context = browser;
    const suite: Suite = {
      base: url,
      screenshots: SCREENSHOTS,
      async page() {
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on("console", (message) => {
          if (message.type() === "error") consoleErrors.push(message.text());
        });
        page.on("pageerror", (error) => consoleErrors.push(`uncaught: ${error.message}`));
        // Fonts and icons come from Microsoft's CDN on a real form; this machine is offline, so answer empty.
        await page.route("**/*", (route) => (route.request().url().startsWith(url) ? route.continue() : route.fulfill({ status: 204, body: "" })));
        await page.goto(url);
        await page.evaluate(() => localStorage.clear());
        return { page, consoleErrors };
      },
    };
    for (const spec of STATES) await checkState(suite, spec, record);
    for (const look of LOOKS) {
      const label = `${look.theme} theme, ${look.language}, ${look.formFactor}`;
      const query = `?theme=${look.theme}&lang=${look.language}&formFactor=${look.formFactor}&record=introducerTarget&user=admin`;
      await checkState(suite, { label, query, language: look.language }, record, `${look.theme}.${look.language}.${look.formFactor}`);
    }
    await keyboardCase(suite, record);
    for (const test of flowCases) {
      try {
        await test.run(suite);
        record(test.name, null);
      } catch (error) {
        record(test.name, (error as Error).message.split("\n")[0]);
      }
    }
    for (const result of await pcfStartCases()) record(result.name, result.problem);
  } finally {
    await browser?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`browser tests took ${((Date.now() - started) / 1000).toFixed(0)} s; screenshots in tests/e2e/screenshots/`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
});
