/**
 * Debian's chromium under Playwright, and the playground page on the built controls: what the
 * browser tests and the render benchmark share.
 */
import { existsSync } from "fs";
import type { Server } from "http";
import { join } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { builtControls, CONTROLS_DIR, startPlayground } from "../../playground/serve";

export const ROOT = join(__dirname, "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Fails early, saying what to install or run, instead of a Playwright stack trace. */
export function checkPrerequisites(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium), or set CHROMIUM_PATH.`);
  }
  if (builtControls().length === 0) throw new Error(`${CONTROLS_DIR} holds no built control: run npm run build first.`);
  if (!existsSync(join(ROOT, "playground", "dist", "host.js"))) throw new Error("playground/dist/host.js is missing: run npx tsx playground/build.ts first.");
}

export async function launchChromium(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    viewport: { width: 1400, height: 1000 },
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

export interface Playground {
  server: Server;
  url: string;
}

export function servePlayground(): Promise<Playground> {
  return startPlayground(0);
}

/** What window.__playground exposes (playground/host/main.ts), as far as tests read it. */
export interface PageState {
  ready: boolean;
  inFlight: number;
  requests: unknown[];
  controls: Record<string, { meaningfulRenderMs: number | null }>;
  errors: string[];
  missingStrings: string[];
  openFormCalls: { control: string; options: { entityName?: string; entityId?: string } }[];
  alerts: string[];
}

export async function pageState(page: Page): Promise<PageState> {
  return page.evaluate(() => {
    const state = (window as unknown as { __playground: PageState }).__playground;
    return JSON.parse(JSON.stringify(state)) as PageState;
  });
}

/**
 * Opens the playground with `query` and waits until the page is settled: every control mounted,
 * no request in flight or started over two polls, no loading state left. A control may have
 * nothing to say (the banner for a seller once consent is granted) and render nothing.
 */
export async function openPlayground(page: Page, base: string, query: string, timeout = 30_000): Promise<PageState> {
  await page.goto(`${base}${query}`, { waitUntil: "load" });
  await page.waitForFunction(
    () => {
      const view = window as unknown as { __playground?: PageState; __e2eQuiet?: { requests: number; polls: number } };
      const state = view.__playground;
      if (state?.ready !== true || state.inFlight > 0 || document.querySelector('[data-state="loading"]')) return false;
      const quiet = view.__e2eQuiet?.requests === state.requests.length ? (view.__e2eQuiet.polls += 1) : 0;
      view.__e2eQuiet = { requests: state.requests.length, polls: quiet };
      return quiet >= 2;
    },
    undefined,
    { timeout, polling: 150 },
  );
  return pageState(page);
}
