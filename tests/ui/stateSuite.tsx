/**
 * The checks every widget shares: each non-data state in both languages, accessibility in each state,
 * and that every string a view asks for exists in both languages.
 */
import * as React from "react";
import { cleanup, render, screen, within } from "@testing-library/react";
import { axe, toHaveNoViolations } from "jest-axe";
import type { LoadResult } from "../../shared/model";
import { controlStrings, fontGlyphsWithoutSvg, host, LANGUAGES, settle, type Language, type TestHost } from "./harness";
import { never, STATE_CASES } from "./fixtures";

expect.extend(toHaveNoViolations);

export interface Scenario {
  name: string;
  render(host: TestHost): React.ReactElement;
  /** Runs after the data is on screen, to reach states behind a click (busy, failed, …). */
  act?(): Promise<void>;
}

export interface SuiteOptions {
  ctor: string;
  /** The region's accessible name in each language. */
  title: Record<Language, string>;
  view(host: TestHost, load: () => Promise<LoadResult<never>>): React.ReactElement;
  /** Data scenarios the key check also runs through. */
  scenarios: Scenario[];
  /** The consent banner shows nothing while loading. */
  silentWhileLoading?: boolean;
}

export function describeWidgetStates(options: SuiteOptions): void {
  const { ctor } = options;

  describe("while loading", () => {
    it.each(LANGUAGES)("shows a placeholder the size of the content and says it is loading (%s)", async (language) => {
      const h = host(ctor, language);
      const { container } = render(options.view(h, never()));
      await settle();
      if (options.silentWhileLoading) {
        expect(container.innerHTML).toBe("");
        return;
      }
      const status = within(screen.getByRole("region", { name: options.title[language] })).getByRole("status");
      expect(status.textContent).toContain(controlStrings(ctor, language)["state.loading"]);
      expect(await axe(container)).toHaveNoViolations();
    });
  });

  describe.each(STATE_CASES)("$name", (stateCase) => {
    const shown = async (language: Language) => {
      const h = host(ctor, language);
      const utils = render(options.view(h, stateCase.load));
      await settle();
      const region = screen.getByRole("region", { name: options.title[language] });
      const message = region.querySelector(`[data-state="${stateCase.state}"]`) as HTMLElement;
      return { ...utils, region, message };
    };

    it("says what happened in English and in Romanian", async () => {
      const texts: string[] = [];
      for (const language of LANGUAGES) {
        const { message, unmount } = await shown(language);
        expect(message).not.toBeNull();
        const text = message.textContent ?? "";
        // A missing key would show the key itself (e.g. "state.offline.title").
        expect(text).not.toMatch(/\b(state|error|recordType)\.[a-zA-Z.]+/);
        expect(text).not.toMatch(/\{\w+\}/);
        texts.push(text);
        unmount();
      }
      expect(texts[0]).not.toEqual(texts[1]);
    });

    it(stateCase.retry ? "offers Try again, which reloads" : "offers no pointless retry", async () => {
      const h = host(ctor, 1033);
      let calls = 0;
      const load = () => {
        calls += 1;
        return stateCase.load();
      };
      render(options.view(h, load));
      await settle();
      const retry = screen.queryByRole("button", { name: "Try again" });
      if (!stateCase.retry) {
        expect(retry).toBeNull();
        return;
      }
      expect(retry).not.toBeNull();
      retry?.click();
      await settle();
      expect(calls).toBe(2);
    });

    it("has no accessibility violations", async () => {
      const { container } = await shown(1033);
      expect(await axe(container)).toHaveNoViolations();
    });
  });

  it("draws every icon in every state itself, needing no icon font from the host", async () => {
    const checked: string[] = [];
    const check = async (name: string, element: (h: TestHost) => React.ReactElement, after?: () => Promise<void>) => {
      const { container } = render(element(host(ctor, 1033)));
      await settle();
      if (after) await after();
      // Layers (dialogs, callouts) render outside the container.
      expect({ name, glyphs: fontGlyphsWithoutSvg(document.body) }).toEqual({ name, glyphs: [] });
      checked.push(name);
      expect(container.childElementCount).toBeLessThanOrEqual(1);
      cleanup();
    };
    for (const stateCase of STATE_CASES) await check(stateCase.name, (h) => options.view(h, stateCase.load));
    for (const scenario of options.scenarios) await check(scenario.name, scenario.render, scenario.act);
    expect(checked.length).toBe(STATE_CASES.length + options.scenarios.length);
  });

  it("asks only for strings that exist in both languages", async () => {
    const requested = new Set<string>();
    const record = async (element: (h: TestHost) => React.ReactElement, after?: () => Promise<void>) => {
      const h = host(ctor, 1033);
      render(element(h));
      await settle();
      if (after) await after();
      h.requested.forEach((key) => requested.add(key));
      cleanup();
    };
    await record((h) => options.view(h, never()));
    for (const stateCase of STATE_CASES) await record((h) => options.view(h, stateCase.load));
    for (const scenario of options.scenarios) await record(scenario.render, scenario.act);

    expect(requested.size).toBeGreaterThan(10);
    for (const language of LANGUAGES) {
      const strings = controlStrings(ctor, language);
      expect(Array.from(requested).filter((key) => !(key in strings))).toEqual([]);
    }
  });
}
