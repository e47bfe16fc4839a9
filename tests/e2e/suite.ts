/** What the browser tests share: a page factory over the served playground, and one assertion. */
import type { Page } from "playwright-core";

export interface TrackedPage {
  page: Page;
  consoleErrors: string[];
}

export interface Suite {
  base: string;
  /** A fresh page: loopback only, console errors collected, localStorage of earlier tests cleared. */
  page(): Promise<TrackedPage>;
  screenshots: string;
}

export interface TestCase {
  name: string;
  run: (suite: Suite) => Promise<void>;
}

export function expect(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}
