/**
 * What a seller and an admin do, end to end on the built bundles: request an introduction, edit,
 * validate, save and reload settings, and the same with the keyboard only.
 */
import type { Locator, Page } from "playwright-core";
import { openPlayground, pageState } from "./browser";
import { builtStrings } from "./pageChecks";
import { expect, type Suite, type TestCase } from "./suite";

const wkw = builtStrings("WhoKnowsWhomPanel", 1033);
const settings = builtStrings("RelationshipIntelligenceSettings", 1033);
const kpi = builtStrings("RelationshipKpiCard", 1033);
const banner = builtStrings("ConsentBanner", 1033);
const list = builtStrings("RelationshipHealthList", 1033);

const INTRODUCTION = "?record=introducerTarget&consent=granted";
const ADMIN_SETTINGS = "?user=admin&consent=granted&only=RelationshipIntelligenceSettings";

async function countRows(page: Page, table: string): Promise<number> {
  return page.evaluate((name) => (window as unknown as { __playground: { count(table: string): number } }).__playground.count(name), table);
}

/** Waits until the page has answered every request the last action started (the stand-in answers in one task). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

/** Presses Tab until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
  await page.locator("body").focus();
  for (let press = 0; press < max; press++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${await target.evaluate((element) => element.outerHTML.slice(0, 80))}`);
}

async function expectOneIntroductionEmail(page: Page, emailsBefore: number): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __playground: { openFormCalls: unknown[] } }).__playground.openFormCalls.length > 0, undefined, { timeout: 10_000 }).catch(() => undefined);
  await settle(page);
  const state = await pageState(page);
  const emails = await countRows(page, "email");
  expect(emails === emailsBefore + 1, `expected exactly one new email record, found ${emails - emailsBefore}`);
  expect(state.openFormCalls.length === 1, `expected navigation.openForm called once, called ${state.openFormCalls.length} times`);
  const opened = state.openFormCalls[0].options;
  expect(opened.entityName === "email" && typeof opened.entityId === "string" && opened.entityId !== "", `openForm did not open the email draft: ${JSON.stringify(opened)}`);
}

async function goodBoundary(page: Page): Promise<Locator> {
  const field = page.getByLabel(settings["settingsPage.boundaries.good"], { exact: true });
  await field.waitFor({ timeout: 10_000 });
  return field;
}

/** By its visible text: its accessible name also says whom the introduction goes through. */
const requestButton = (page: Page) => page.locator("button", { hasText: wkw["wkw.request"] }).first();

const saveButton = (page: Page) => page.getByRole("button", { name: settings["settingsPage.save.action"], exact: true });

async function fieldMessage(field: Locator): Promise<string> {
  return field.evaluate((input) => {
    const ids = (input.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
    return ids.map((id) => document.getElementById(id)?.textContent ?? "").join(" ").trim();
  });
}

/** The text shown right after a label, e.g. the value of one KPI. */
async function valueAfter(page: Page, label: string): Promise<string> {
  const text = await page.locator("body").innerText();
  const at = text.indexOf(label);
  return at < 0 ? "" : text.slice(at + label.length, at + label.length + 24).trim();
}

/** Runs a flow on a fresh page and always closes it. */
function onPage(run: (page: Page, base: string) => Promise<void>): TestCase["run"] {
  return async (suite: Suite) => {
    const { page } = await suite.page();
    try {
      await run(page, suite.base);
    } finally {
      await page.close();
    }
  };
}

/** Changes the Good boundary to a value it does not hold yet, saves, and waits for the saved message. */
async function saveNewGoodBoundary(page: Page): Promise<string> {
  const good = await goodBoundary(page);
  const next = (await good.inputValue()) === "72" ? "73" : "72";
  await good.fill(next);
  await good.press("Tab");
  await saveButton(page).click();
  await page.getByText(settings["settingsPage.save.done"]).first().waitFor({ timeout: 10_000 });
  return next;
}

/** Rows of the health list's grid, not counting its header. */
async function listRows(page: Page): Promise<number> {
  return page.locator('section[data-ctor="RelationshipHealthList"] [role="grid"] [role="row"]').count().then((n) => n - 1);
}

async function scored(page: Page): Promise<void> {
  await page.waitForFunction((scoring) => !document.querySelector('section[data-ctor="RelationshipHealthList"]')?.textContent?.includes(scoring), list["list.scoring"], { timeout: 20_000 });
}

export const flowCases: TestCase[] = [
  {
    name: "health list: a view of opportunities is scored, charted, and a row opens its record",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, "?record=opportunityFull&consent=granted&only=RelationshipHealthList");
      await scored(page);
      const card = page.locator('section[data-ctor="RelationshipHealthList"]');
      expect((await card.innerText()).includes(list["list.chart.title"]), "an opportunity view shows no relationship pipeline chart");
      const rows = await listRows(page);
      const active = await page.evaluate(() => (window as unknown as { __playground: { count(t: string): number } }).__playground.count("opportunity"));
      expect(rows > 0 && rows <= active, `the grid shows ${rows} rows for ${active} opportunities`);
      // The name is a Fluent Link without an href: a button that opens the record.
      await card.locator('[role="grid"] [role="row"]').nth(1).getByRole("gridcell").first().locator("button, a").first().click();
      const state = await pageState(page);
      const opened = state.openFormCalls[0]?.options;
      expect(opened?.entityName === "opportunity" && /^\{?[0-9A-F-]{36}\}?$/i.test(String(opened.entityId)), `opening a row opened ${JSON.stringify(opened)}`);
    }),
  },
  {
    name: "health list: Show more adds the view's next page and scores it",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, "?record=hot&consent=granted&only=RelationshipHealthList");
      await scored(page);
      const first = await listRows(page);
      await page.getByRole("button", { name: list["list.more"], exact: true }).click();
      await page.waitForFunction((n) => document.querySelectorAll('section[data-ctor="RelationshipHealthList"] [role="grid"] [role="row"]').length - 1 > n, first, { timeout: 20_000 });
      await scored(page);
      const after = await listRows(page);
      expect(first === 50 && after > first, `the first page held ${first} rows and Show more made it ${after}`);
    }),
  },
  {
    name: "KPI card: a customer who answered all our threads shows 100%, and our own answers are a rate of their own",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, "?record=respondBoth&consent=granted&only=RelationshipKpiCard");
      const theirs = await valueAfter(page, `${kpi["kpi.responseRate"]}\n`);
      const ours = await valueAfter(page, `${kpi["kpi.ourResponseRate"]}\n`);
      expect(/^100\s?%/.test(theirs), `their response rate reads "${theirs}", not 100%`);
      expect(/^67\s?%/.test(ours), `our response rate reads "${ours}", not 67% (2 of the 3 threads they started)`);
    }),
  },
  {
    name: "one page, one state: consent recorded in the banner, then a settings save is no conflict",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, "?user=admin&consent=pendingDay3");
      const bannerCard = page.locator('section[data-ctor="ConsentBanner"]');
      await bannerCard.getByRole("button", { name: banner["consent.record"], exact: true }).click();
      // The banner reloads the recorded consent: it now confirms it.
      await bannerCard.getByText(banner["consent.granted.title"]).waitFor({ timeout: 10_000 });
      await saveNewGoodBoundary(page);
      const text = await page.locator("body").innerText();
      expect(!text.includes(settings["settingsPage.failure.conflict"]), "the save after recording consent was reported as someone else's change");
    }),
  },
  {
    name: "request introduction: one click creates one email and opens it",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, INTRODUCTION);
      const before = await countRows(page, "email");
      await requestButton(page).click();
      await expectOneIntroductionEmail(page, before);
    }),
  },
  {
    name: "request introduction: a double click still creates and opens only one email",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, INTRODUCTION);
      const before = await countRows(page, "email");
      await requestButton(page).dblclick();
      await expectOneIntroductionEmail(page, before);
    }),
  },
  {
    name: "settings: invalid numbers are said at the field, kept as typed, and block Save",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, ADMIN_SETTINGS);
      const good = await goodBoundary(page);
      for (const typed of ["150", "-5", "abc", "1e1"]) {
        await good.fill(typed);
        await good.press("Tab");
        expect((await good.inputValue()) === typed, `"${typed}" was changed to "${await good.inputValue()}"`);
        expect((await good.getAttribute("aria-invalid")) === "true", `"${typed}" is not marked invalid at the field`);
        expect((await fieldMessage(good)) !== "", `"${typed}" gets no message at the field`);
        expect(await saveButton(page).isDisabled(), `Save is not blocked with "${typed}" in the field`);
      }
    }),
  },
  {
    name: "settings: a valid change saves and is still there after a reload",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, ADMIN_SETTINGS);
      const next = await saveNewGoodBoundary(page);
      await openPlayground(page, base, ADMIN_SETTINGS);
      const after = await (await goodBoundary(page)).inputValue();
      expect(after === next, `after reload the Good boundary reads ${after}, not the saved ${next}`);
    }),
  },
  {
    name: "keyboard: request introduction with Tab and Enter only",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, `${INTRODUCTION}&only=WhoKnowsWhomPanel`);
      const before = await countRows(page, "email");
      await tabTo(page, requestButton(page));
      await page.keyboard.press("Enter");
      await expectOneIntroductionEmail(page, before);
      const focusLost = await page.evaluate(() => document.activeElement === document.body || document.activeElement === null);
      expect(!focusLost, "focus fell back to the page after the request");
    }),
  },
  {
    name: "keyboard: change and save settings with the keyboard only; focus stays in the control",
    run: onPage(async (page, base) => {
      await openPlayground(page, base, ADMIN_SETTINGS);
      const good = await goodBoundary(page);
      await tabTo(page, good);
      await page.keyboard.press("ControlOrMeta+A");
      await page.keyboard.type("66");
      await tabTo(page, saveButton(page));
      await page.keyboard.press("Enter");
      await page.getByText(settings["settingsPage.save.done"]).first().waitFor({ timeout: 10_000 });
      const inside = await page.evaluate(() => document.activeElement?.closest('section[data-ctor="RelationshipIntelligenceSettings"]') != null);
      expect(inside, "after Save the focus left the settings control (fell back to the page)");
    }),
  },
];
