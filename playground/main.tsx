/**
 * Dev-only playground: every PCF control on one page, hosted the way the form hosts it (init, then
 * updateView rendered with ReactDOM), over the seeded Dataverse stand-in.
 *
 * URL options: ?lang=1033|1048  ?width=<px>  ?theme=light|dark  ?user=admin|seller  ?now=<ISO>  ?seed=<n>
 *              ?wkw=graph (WhoKnowsWhomPanel opens on its graph view)
 */
import { CLOCK_SHIFTED } from "./clock";
import * as React from "react";
import * as ReactDOM from "react-dom";
import { initializeIcons, setIconOptions } from "@fluentui/react";
import { ConsentBanner } from "../components/ConsentBanner";
import { HealthScoreWidget } from "../components/HealthScoreWidget";
import { RelationshipIntelligenceSettings } from "../components/RelationshipIntelligenceSettings";
import { RelationshipKpiCard } from "../components/RelationshipKpiCard";
import { WhoKnowsWhomPanel } from "../components/WhoKnowsWhomPanel";
import { createStandIn } from "../dev/seed";
import type { RecordRef } from "../shared/model";
import { DEFAULT_SETTINGS, serializeSettings } from "../shared/analytics";
import { SETTINGS_VARIABLE } from "../shared/libraryInfo";
import type { Settings } from "../shared/model";
import { createPcfContext } from "../dev/pcfContext";
import { controlStrings, type Ctor, type Language } from "./strings";

interface Control {
  init(context: ComponentFramework.Context<unknown>): void;
  updateView(context: ComponentFramework.Context<unknown>): React.ReactElement;
  destroy(): void;
}

// ---- URL options -------------------------------------------------------------------------------

const params = new URLSearchParams(window.location.search);
const language: Language = params.get("lang") === "1048" ? 1048 : 1033;
const widthParam = Number(params.get("width"));
const fixedWidth = Number.isFinite(widthParam) && widthParam >= 120 ? Math.round(widthParam) : null;
const columnWidth = fixedWidth ?? 480;
const dark = params.get("theme") === "dark";
const userParam = params.get("user");
const userMode: "admin" | "seller" | "default" = userParam === "admin" || userParam === "seller" ? userParam : "default";
const seedParam = Number(params.get("seed"));
const seed = Number.isInteger(seedParam) && seedParam > 0 ? seedParam : 20261120;
const wkwView = params.get("wkw") === "graph" ? "graph" : "list";
const now = new Date(); // already the ?now instant when given (see clock.ts)

// ---- the seeded organization -------------------------------------------------------------------

/** Relationship intelligence switched on 3 days ago, consent pending (tests/support/standIn.ts activeSettings). */
function activeSettings(at: Date): Settings {
  return { ...DEFAULT_SETTINGS, enabled: true, activatedOn: new Date(at.getTime() - 3 * 86_400_000).toISOString() };
}

const org = createStandIn({
  now,
  seed,
  settings: { schemaName: SETTINGS_VARIABLE, value: serializeSettings(activeSettings(now)) },
});
const { stories, store } = org;

interface PlaygroundUser {
  id: string;
  name: string;
  roleIds: string[];
}

function userById(id: string): PlaygroundUser {
  const user = stories.users.find((u) => u.id === id);
  return {
    id,
    name: user?.fullName ?? id,
    roleIds: (user?.roles ?? []).map((role) => stories.roles[role]),
  };
}
const seller = userById(stories.currentUserId);
const admin = userById(stories.adminUserId);

function recordName(ref: RecordRef): string {
  const row = store.get(ref.type, ref.id) as Record<string, unknown> | undefined;
  const name = row?.fullname ?? row?.name;
  return typeof name === "string" ? name : ref.id;
}

// ---- theme -------------------------------------------------------------------------------------

/** Shaped like context.fluentDesignLanguage with a Fluent 9 dark token theme (a subset of webDarkTheme). */
const DARK_DESIGN_LANGUAGE = {
  isDarkTheme: true,
  tokenTheme: {
    colorBrandBackground: "#115ea3",
    colorBrandBackgroundHover: "#0f6cbd",
    colorBrandBackgroundPressed: "#0c3b5e",
    colorBrandForeground2: "#96c6fa",
    colorBrandBackground2: "#082338",
    colorNeutralForeground1: "#ffffff",
    colorNeutralForeground2: "#d6d6d6",
    colorNeutralForeground3: "#adadad",
    colorNeutralStroke1: "#666666",
    colorNeutralStroke2: "#525252",
    colorNeutralBackground1: "#292929",
    colorNeutralBackground2: "#1f1f1f",
    colorNeutralBackground3: "#141414",
    colorPaletteRedForeground1: "#e37d80",
    colorPaletteGreenForeground1: "#54b054",
    colorPaletteDarkOrangeForeground1: "#e9835e",
  },
};

// ---- page chrome -------------------------------------------------------------------------------

const GAP = 16;
const palette = dark
  ? { page: "#1b1a19", card: "#292929", border: "#484644", text: "#ffffff", sub: "#c8c6c4", link: "#62abf5", log: "#11100f" }
  : { page: "#f3f2f1", card: "#ffffff", border: "#e1dfdd", text: "#201f1e", sub: "#605e5c", link: "#0f6cbd", log: "#faf9f8" };

const style = document.createElement("style");
style.textContent = `
  body { margin: 0; background: ${palette.page}; color: ${palette.text}; font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; font-size: 14px; }
  header.pg { padding: 12px ${GAP}px; border-bottom: 1px solid ${palette.border}; display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: baseline; }
  header.pg h1 { font-size: 18px; font-weight: 600; margin: 0; }
  header.pg .opts { color: ${palette.sub}; font-size: 12px; }
  header.pg a { color: ${palette.link}; margin-right: 10px; }
  .pg-grid { display: grid; grid-template-columns: repeat(auto-fill, ${columnWidth}px); gap: ${GAP}px; padding: ${GAP}px; align-items: start; }
  .pg-card { background: ${palette.card}; border: 1px solid ${palette.border}; border-radius: 4px; min-width: 0; }
  .pg-card.wide { grid-column: 1 / -1; }
  .pg-card > h2 { margin: 0; padding: 6px 10px; font-size: 12px; font-weight: 600; border-bottom: 1px solid ${palette.border}; color: ${palette.sub}; }
  .pg-card > h2 span { font-weight: 400; }
  .pg-body { min-height: 20px; }
  .pg-panel { margin: 0 ${GAP}px ${GAP}px; padding: 6px 10px; background: ${palette.log}; border: 1px solid ${palette.border}; font: 12px/1.4 Consolas, monospace; white-space: pre-wrap; }
  .pg-panel:empty { display: none; }
  .pg-panel.errors { color: #d13438; }
`;
document.head.appendChild(style);
document.documentElement.lang = language === 1048 ? "ro" : "en";

const root = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));

function link(label: string, change: Record<string, string | null>): string {
  const next = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(change)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const query = next.toString();
  return `<a href="?${query}">${label}</a>`;
}

const header = document.createElement("header");
header.className = "pg";
header.innerHTML = `
  <h1>Relationship intelligence playground</h1>
  <span class="opts">lang ${language} · width ${fixedWidth ?? "auto (480 columns)"} · theme ${dark ? "dark" : "light"} · user ${userMode} · wkw ${wkwView} · now ${now.toISOString()}${CLOCK_SHIFTED ? " (shifted)" : ""} · seed ${seed}</span>
  <span class="opts">
    ${link("English", { lang: null })}${link("Romanian", { lang: "1048" })}
    ${link("narrow", { width: "280" })}${link("auto width", { width: null })}
    ${link("light", { theme: null })}${link("dark", { theme: "dark" })}
    ${link("list", { wkw: null })}${link("graph", { wkw: "graph" })}
    ${link("default users", { user: null })}${link("all admin", { user: "admin" })}${link("all seller", { user: "seller" })}
  </span>`;
root.appendChild(header);

const errorPanel = document.createElement("div");
errorPanel.className = "pg-panel errors";
const missingPanel = document.createElement("div");
missingPanel.className = "pg-panel errors";
const grid = document.createElement("div");
grid.className = "pg-grid";
const logPanel = document.createElement("div");
logPanel.className = "pg-panel";
root.append(errorPanel, missingPanel, grid, logPanel);

function log(message: string): void {
  logPanel.textContent += `${new Date().toISOString().slice(11, 19)} ${message}\n`;
  console.info(message);
}
function showError(message: string): void {
  errorPanel.textContent += `${message}\n`;
}
window.addEventListener("error", (event) => showError(`Uncaught: ${event.message}`));
window.addEventListener("unhandledrejection", (event) => showError(`Unhandled rejection: ${describe(event.reason)}`));

function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.stack ?? reason.message;
  try {
    return JSON.stringify(reason);
  } catch {
    return String(reason);
  }
}

const missing = new Set<string>();
function onMissingString(ctor: Ctor, key: string): void {
  const entry = `${ctor}: ${key}`;
  if (missing.has(entry)) return;
  missing.add(entry);
  missingPanel.textContent = `Missing strings (lang ${language}):\n${[...missing].join("\n")}`;
}

// ---- the controls ------------------------------------------------------------------------------

interface CardSpec {
  title: string;
  ctor: Ctor;
  create: () => Control;
  record?: RecordRef;
  /** Who the control runs as when ?user is not given. */
  defaultUser: "admin" | "seller";
  inputs?: Record<string, unknown>;
  /** Spans the whole row unless ?width is given. */
  wide?: boolean;
}

const healthOn = (label: string, record: RecordRef): CardSpec => ({
  title: `HealthScoreWidget · ${label}`,
  ctor: "HealthScoreWidget",
  create: () => new HealthScoreWidget(),
  record,
  defaultUser: "seller",
});

const CARDS: CardSpec[] = [
  healthOn("hot", stories.hot),
  healthOn("cooling", stories.cooling),
  healthOn("oneWay", stories.oneWay),
  healthOn("brandNew", stories.brandNew),
  healthOn("closedWon", stories.closedWon),
  { title: "RelationshipKpiCard · hot", ctor: "RelationshipKpiCard", create: () => new RelationshipKpiCard(), record: stories.hot, defaultUser: "seller" },
  {
    title: "WhoKnowsWhomPanel · introducerTarget",
    ctor: "WhoKnowsWhomPanel",
    create: () => new WhoKnowsWhomPanel(),
    record: stories.introducerTarget.record,
    defaultUser: "seller",
    inputs: { defaultView: wkwView },
  },
  { title: "ConsentBanner", ctor: "ConsentBanner", create: () => new ConsentBanner(), defaultUser: "admin" },
  {
    title: "RelationshipIntelligenceSettings",
    ctor: "RelationshipIntelligenceSettings",
    create: () => new RelationshipIntelligenceSettings(),
    defaultUser: "admin",
    wide: true,
  },
];

interface Mounted {
  control: Control;
  body: HTMLElement;
  spec: CardSpec;
  user: PlaygroundUser;
  width: number;
}

function contextFor(mounted: Omit<Mounted, "control">): ComponentFramework.Context<unknown> {
  const { spec, user, width } = mounted;
  return createPcfContext<unknown>({
    strings: controlStrings(spec.ctor, language),
    webAPI: org.standIn,
    language,
    form: spec.record ? { entityTypeName: spec.record.type, entityId: spec.record.id, entityRecordName: recordName(spec.record) } : undefined,
    inputs: spec.inputs,
    userId: user.id,
    userName: user.name,
    securityRoles: user.roleIds,
    width,
    fluentDesignLanguage: dark ? DARK_DESIGN_LANGUAGE : undefined,
    openForm: (form) => {
      log(`${spec.ctor}: navigation.openForm ${JSON.stringify(form)}`);
      return Promise.resolve({});
    },
    onMissingString: (key) => onMissingString(spec.ctor, key),
  });
}

initializeIcons(); // the real host does; the icon font cannot load offline, which is fine here
setIconOptions({ disableWarnings: true });

const mountedCards: Mounted[] = [];

for (const spec of CARDS) {
  const user = userMode === "admin" ? admin : userMode === "seller" ? seller : spec.defaultUser === "admin" ? admin : seller;
  const card = document.createElement("section");
  card.className = `pg-card${spec.wide && fixedWidth === null ? " wide" : ""}`;
  card.dataset.ctor = spec.ctor;
  const title = document.createElement("h2");
  title.textContent = spec.title;
  const sub = document.createElement("span");
  sub.textContent = `${spec.record ? ` — ${spec.record.type} “${recordName(spec.record)}”` : ""} — as ${user.name}${user.id === admin.id ? " (System Administrator)" : ""}`;
  title.appendChild(sub);
  const body = document.createElement("div");
  body.className = "pg-body";
  card.append(title, body);
  grid.appendChild(card);

  const width = body.clientWidth;
  const control = spec.create();
  try {
    const context = contextFor({ body, spec, user, width });
    control.init(context);
    ReactDOM.render(control.updateView(context), body);
    mountedCards.push({ control, body, spec, user, width });
  } catch (error) {
    body.textContent = `Failed to mount: ${describe(error)}`;
    showError(`${spec.ctor}: ${describe(error)}`);
  }
}

// The host calls updateView again when the allocated width changes (trackContainerResize).
let resizeTimer: number | undefined;
window.addEventListener("resize", () => {
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(() => {
    for (const mounted of mountedCards) {
      const width = mounted.body.clientWidth;
      if (width === mounted.width) continue;
      mounted.width = width;
      ReactDOM.render(mounted.control.updateView(contextFor(mounted)), mounted.body);
    }
  }, 100);
});

log(`Seeded stand-in: seller ${seller.name}, admin ${admin.name}; relationship intelligence active since ${activeSettings(now).activatedOn}`);
