/**
 * What a user would notice on one loaded playground page: each widget's text, console errors,
 * axe-core's serious and critical findings, keyboard reach, and screenshots.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { parseResx } from "../../shared/ui/strings/resx";
import { CONTROLS_DIR } from "../../playground/serve";
import { ROOT } from "./browser";

const AXE_SOURCE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

/** A control's built strings in one language, as the page shows them. */
export function builtStrings(ctor: string, language: number): Record<string, string> {
  return parseResx(readFileSync(join(CONTROLS_DIR, ctor, "strings", `${ctor}.${language}.resx`), "utf8"));
}

/** A string as shown: {placeholders} become a match-anything gap, so "Turned off on {date}." still matches. */
export function shownAs(text: string): RegExp {
  const parts = text.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join(".+"));
}

export async function widgetText(page: Page, ctor: string): Promise<string> {
  return page.locator(`section[data-ctor="${ctor}"] > div`).last().innerText();
}

export async function hostedControls(page: Page): Promise<string[]> {
  return page.locator("section[data-ctor]").evaluateAll((cards) => cards.map((card) => (card as HTMLElement).dataset.ctor ?? ""));
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core over the controls only (the playground's own chrome is not what ships). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    interface AxeResult {
      violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResult> } }).axe;
    const result = await axe.run({ include: [...document.querySelectorAll("section[data-ctor] > div:last-child")] }, { resultTypes: ["violations"] });
    return result.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => ({ id: violation.id, impact: violation.impact ?? "", help: violation.help, targets: violation.nodes.slice(0, 3).map((node) => node.target.join(" ")) }));
  });
}

export function describeFindings(findings: AxeFinding[]): string {
  return findings.map((finding) => `${finding.impact} ${finding.id} (${finding.help}) at ${finding.targets.join(", ")}`).join("; ");
}

/**
 * Tabs from the page's start through everything and answers, per widget, the tabbable elements
 * Tab never reached (described), and whether focus ever stuck inside one widget.
 */
export async function keyboardReach(page: Page, ctor: string, maxPresses = 400): Promise<{ unreached: string[]; reached: number; tabbable: number }> {
  const container = page.locator(`section[data-ctor="${ctor}"] > div`).last();
  // No named helpers inside evaluate: the bundler's name-keeping wrapper does not exist in the page.
  await container.evaluate((element) => {
    [...element.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
      .filter((node) => {
        const html = node as HTMLElement;
        return html.tabIndex >= 0 && !(html as HTMLButtonElement).disabled && getComputedStyle(html).visibility !== "hidden" && html.getClientRects().length > 0;
      })
      .forEach((node, index) => node.setAttribute("data-e2e-tab", String(index)));
  });
  const tabbable = await container.locator("[data-e2e-tab]").count();
  const reached = new Set<string>();
  // Blurring is not enough: Chromium's next Tab starts from where focus last was (the end of the
  // previous widget's walk, maybe this widget's first control). Focus an anchor at the page's start.
  await page.evaluate(() => {
    const anchor = document.createElement("span");
    anchor.tabIndex = -1;
    anchor.setAttribute("data-e2e-start", "");
    document.body.prepend(anchor);
    anchor.focus();
  });
  let left = false;
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate((selector) => {
      const active = document.activeElement;
      const inside = active?.closest(selector) !== null && active?.closest(selector) !== undefined;
      return { inside, mark: active?.getAttribute("data-e2e-tab") ?? null, body: active === document.body };
    }, `section[data-ctor="${ctor}"]`);
    // Marks left by an earlier widget's walk do not count: only focus inside this widget does.
    if (where.mark !== null && where.inside) reached.add(where.mark);
    if (reached.size > 0 && !where.inside) {
      left = true;
      break;
    }
    if (where.body && press > 0) break;
  }
  // Inside a Fluent FocusZone (a button group, a list) Tab enters once and arrow keys move on;
  // a radio group likewise takes one Tab stop. Entering the group is what Tab must do.
  await page.evaluate(() => document.querySelector("[data-e2e-start]")?.remove());
  const unreached = await container.locator("[data-e2e-tab]").evaluateAll(
    (nodes, seen) =>
      nodes
        .filter((node) => !seen.includes(node.getAttribute("data-e2e-tab") ?? ""))
        .filter((node) => {
          const group = node.closest("[data-focuszone-id], [role='radiogroup']") ?? (node.getAttribute("type") === "radio" ? node.closest("fieldset, [role='group']") : null);
          return !group || ![...group.querySelectorAll("[data-e2e-tab]")].some((member) => seen.includes(member.getAttribute("data-e2e-tab") ?? ""));
        })
        .map((node) => `${node.tagName.toLowerCase()} "${(node.getAttribute("aria-label") ?? (node as HTMLElement).innerText ?? "").trim().slice(0, 40)}"`),
    [...reached],
  );
  if (tabbable > 0 && !left) unreached.push("(focus never left the widget: a keyboard trap, or the page ended)");
  return { unreached, reached: reached.size, tabbable };
}
