/**
 * Dev-only playground page: every built control (out/controls) on one form over the seeded
 * stand-in, with the switches a maker needs (record, user, language, theme, width, form factor,
 * time zone, consent, faults, each control's inputs) and a request panel per widget.
 * Switches that a real form only changes on reload (record, user, language, theme, …) reload the
 * page; inputs and width call updateView again, as the host does.
 * Tests and benchmarks read window.__playground.
 */
import { CLOCK_SHIFTED } from "../clock";
import { createViewDataset } from "../../dev/dataset";
import { createPcfContext } from "../../dev/pcfContext";
import { builtControlNames, HostedControl, loadBundle, readManifest, readStrings, type BuiltControl, type ManifestProperty } from "./hosting";
import { meteredWebApi, type MeteredRequest } from "./meter";
import {
  CONSENT_STATES,
  DENIABLE_TABLES,
  FAULTS,
  FORM_FACTORS,
  LANGUAGES,
  readOptions,
  RECORDS,
  THEMES,
  USERS,
  writeOptions,
  type PlaygroundOptions,
} from "./options";
import { createOrganization, resetChanges, type Organization } from "./org";
import { DESIGN_LANGUAGES, PAGE_PALETTES } from "./themes";
import { renderRequestPanel } from "./requestPanel";

export interface PlaygroundState {
  ready: boolean;
  options: PlaygroundOptions;
  /** Hosted constructors and the time of their first meaningful render (ms after updateView). */
  controls: Record<string, { meaningfulRenderMs: number | null }>;
  requests: MeteredRequest[];
  /** Requests asked and not yet answered. */
  inFlight: number;
  openFormCalls: { control: string; options: ComponentFramework.NavigationApi.EntityFormOptions }[];
  alerts: string[];
  errors: string[];
  missingStrings: string[];
  replayedChanges: number;
  /** Rows in a table of the stand-in's store, for tests. */
  count(table: string): number;
}

const FORM_FACTOR_CODES = { desktop: 1, tablet: 2, phone: 3 } as const;
const SETTINGS_CONTROL = "RelationshipIntelligenceSettings";
const SETTINGS_DESKTOP_WIDTH = 720;
const VIEW_DESKTOP_WIDTH = 1000;

const options = readOptions(window.location.search);
const now = new Date(); // the ?now instant when given (clock.ts)
const palette = PAGE_PALETTES[options.theme];

const state: PlaygroundState = {
  ready: false,
  options,
  controls: {},
  requests: [],
  inFlight: 0,
  openFormCalls: [],
  alerts: [],
  errors: [],
  missingStrings: [],
  replayedChanges: 0,
  count: () => 0,
};
(window as unknown as { __playground: PlaygroundState }).__playground = state;

// ---- page chrome ---------------------------------------------------------------------------------

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

document.documentElement.lang = options.language === 1048 ? "ro" : "en";
document.head.appendChild(
  element(
    "style",
    {},
    `
  body { margin: 0; background: ${palette.page}; color: ${palette.text}; font: 14px "Segoe UI", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; }
  header.pg { padding: 12px 16px; border-bottom: 1px solid ${palette.border}; }
  header.pg h1 { font-size: 18px; font-weight: 600; margin: 0 0 8px; }
  .pg-switches { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
  .pg-switches label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; color: ${palette.sub}; }
  .pg-switches select, .pg-switches input, .pg-switches button, .pg-inputs input, .pg-inputs select { font: inherit; font-size: 13px; color: ${palette.text}; background: ${palette.card}; border: 1px solid ${palette.border}; border-radius: 2px; padding: 3px 6px; }
  .pg-switches button { cursor: pointer; }
  .pg-switches fieldset { border: 1px solid ${palette.border}; padding: 2px 8px 4px; margin: 0; font-size: 12px; color: ${palette.sub}; }
  .pg-switches fieldset label { flex-direction: row; align-items: center; display: inline-flex; margin-right: 8px; color: ${palette.text}; }
  .pg-note { font-size: 12px; color: ${palette.sub}; margin: 6px 0 0; }
  main.pg-form { display: flex; flex-wrap: wrap; gap: 16px; padding: 16px; align-items: flex-start; }
  .pg-card { background: ${palette.card}; border: 1px solid ${palette.border}; border-radius: 4px; }
  .pg-card > h2 { margin: 0; padding: 6px 10px; font-size: 12px; font-weight: 600; border-bottom: 1px solid ${palette.border}; color: ${palette.sub}; }
  .pg-card details { padding: 4px 10px; border-bottom: 1px solid ${palette.border}; font-size: 12px; color: ${palette.sub}; }
  .pg-inputs { display: grid; grid-template-columns: auto 1fr; gap: 4px 8px; padding: 4px 0; align-items: center; }
  .pg-inputs label { color: ${palette.text}; }
  .pg-panel { margin: 0 16px 16px; padding: 8px 10px; background: ${palette.panel}; border: 1px solid ${palette.border}; font: 12px/1.4 Consolas, monospace; color: ${palette.text}; }
  .pg-panel h2 { font: 600 13px "Segoe UI", sans-serif; margin: 0 0 6px; }
  .pg-panel table { border-collapse: collapse; }
  .pg-panel th, .pg-panel td { text-align: left; padding: 1px 10px 1px 0; }
  .pg-panel td.num, .pg-panel th.num { text-align: right; }
  .pg-panel pre { margin: 0; white-space: pre-wrap; }
  .pg-errors { color: ${palette.error}; }
  .pg-errors:empty, .pg-log:empty { display: none; }
  a { color: ${palette.link}; }
  :focus-visible { outline: 2px solid ${palette.link}; outline-offset: 1px; }
`,
  ),
);

const root = document.getElementById("root") ?? document.body.appendChild(element("div"));
const errorPanel = element("pre", { class: "pg-panel pg-errors", role: "alert" });
const formArea = element("main", { class: "pg-form", "aria-label": "Form" });
const requestPanel = element("section", { class: "pg-panel", "aria-label": "Requests per widget" });
const logPanel = element("pre", { class: "pg-panel pg-log", "aria-label": "Host log" });

function log(message: string): void {
  logPanel.textContent += `${new Date().toISOString().slice(11, 19)} ${message}\n`;
}
function showError(message: string): void {
  state.errors.push(message);
  errorPanel.textContent += `${message}\n`;
}
function describe(reason: unknown): string {
  if (reason instanceof Error) return reason.stack ?? reason.message;
  try {
    return JSON.stringify(reason);
  } catch {
    return String(reason);
  }
}
window.addEventListener("error", (event) => showError(`Uncaught: ${event.message}`));
window.addEventListener("unhandledrejection", (event) => showError(`Unhandled rejection: ${describe(event.reason)}`));

// ---- switches ------------------------------------------------------------------------------------

function go(next: PlaygroundOptions): void {
  window.location.search = writeOptions(next, window.location.search);
}

function select<T extends string | number>(label: string, name: string, values: readonly T[], current: T, change: (value: T) => void, text: (value: T) => string = String): HTMLLabelElement {
  const control = element("select", { name });
  for (const value of values) {
    const option = element("option", { value: String(value) }, text(value));
    option.selected = value === current;
    control.appendChild(option);
  }
  control.addEventListener("change", () => change(values.find((value) => String(value) === control.value) ?? current));
  return element("label", {}, label, control);
}

function checkboxes<T extends string>(legend: string, name: string, values: readonly T[], checked: readonly string[], change: (values: T[]) => void): HTMLFieldSetElement {
  const set = element("fieldset", {}, element("legend", {}, legend));
  for (const value of values) {
    const box = element("input", { type: "checkbox", name, value });
    box.checked = checked.includes(value);
    box.addEventListener("change", () => change(values.filter((candidate) => (set.querySelector(`input[value="${candidate}"]`) as HTMLInputElement).checked)));
    set.appendChild(element("label", {}, box, value));
  }
  return set;
}

function numberField(label: string, name: string, value: number, min: number, max: number, change: (value: number) => void): HTMLLabelElement {
  const input = element("input", { type: "number", name, min: String(min), max: String(max), value: String(value), style: "width: 6em" });
  input.addEventListener("change", () => {
    const next = Number(input.value);
    if (Number.isInteger(next) && next >= min && next <= max) change(next);
  });
  return element("label", {}, label, input);
}

function zoneField(): HTMLLabelElement {
  const input = element("input", { name: "tz", value: options.timeZone ?? "", placeholder: "UTC, or Europe/Bucharest", list: "pg-zones", style: "width: 12em" });
  const zones = element("datalist", { id: "pg-zones" });
  for (const zone of ["Europe/Bucharest", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney", "Pacific/Kiritimati"]) zones.appendChild(element("option", { value: zone }));
  input.addEventListener("change", () => go({ ...options, timeZone: input.value.trim() || null }));
  return element("label", {}, "Time zone (IANA)", input, zones);
}

const CONSENT_LABELS: Record<(typeof CONSENT_STATES)[number], string> = {
  stored: "as stored",
  notActivated: "not activated",
  pendingDay3: "pending, day 3",
  pendingDay13: "pending, day 13",
  lapsed: "lapsed",
  granted: "granted",
  unsupportedGeography: "unsupported geography",
};

function header(): HTMLElement {
  const reset = element("button", { type: "button", name: "reset" }, "Reset saved changes");
  reset.addEventListener("click", () => {
    resetChanges(options.seed);
    window.location.reload();
  });
  const switches = element(
    "div",
    { class: "pg-switches" },
    select("Record", "record", RECORDS, options.record, (record) => go({ ...options, record })),
    select("User", "user", USERS, options.user, (user) => go({ ...options, user }), (user) => (user === "admin" ? "System Administrator" : "seller")),
    select("Language", "lang", LANGUAGES, options.language, (language) => go({ ...options, language }), (lcid) => (lcid === 1048 ? "Română (1048)" : "English (1033)")),
    select("Theme", "theme", THEMES, options.theme, (theme) => go({ ...options, theme }), (theme) => (theme === "contrast" ? "high contrast" : theme)),
    select("Form factor", "formFactor", FORM_FACTORS, options.formFactor, (formFactor) => go({ ...options, formFactor, width: formFactor === "phone" ? 360 : 480 })),
    numberField("Width (px)", "width", options.width, 200, 2000, (width) => resize(width)),
    zoneField(),
    numberField("or offset (min)", "tzOffset", options.timeZoneOffsetMinutes, -840, 840, (offset) => go({ ...options, timeZone: null, timeZoneOffsetMinutes: offset })),
    select("Consent", "consent", CONSENT_STATES, options.consent, (consent) => go({ ...options, consent }), (consent) => CONSENT_LABELS[consent]),
    checkboxes("Faults", "faults", FAULTS, options.faults, (faults) => go({ ...options, faults })),
    checkboxes("No read privilege on", "deny", DENIABLE_TABLES, options.deniedTables, (deniedTables) => go({ ...options, deniedTables })),
    reset,
  );
  const zone = options.timeZone ?? `UTC${options.timeZoneOffsetMinutes >= 0 ? "+" : ""}${options.timeZoneOffsetMinutes} min`;
  const note = element(
    "p",
    { class: "pg-note" },
    `Production bundles from out/controls on React 16.14.0 and Fluent 8.121.1 as the host's globals · now ${now.toISOString()}${CLOCK_SHIFTED ? " (shifted with ?now)" : ""} · time zone ${zone} · seed ${options.seed}. Saved settings and created records are kept in this browser until reset.`,
  );
  return element("header", { class: "pg" }, element("h1", {}, "Relationship intelligence playground"), switches, note);
}

// ---- hosting -------------------------------------------------------------------------------------

interface Card {
  control: BuiltControl;
  strings: Record<string, string>;
  container: HTMLElement;
  hosted: HostedControl | null;
  /** A dataset control's view. */
  dataSet: ComponentFramework.PropertyTypes.DataSet | null;
}

function inputValue(property: ManifestProperty, typed: string | undefined): unknown {
  const raw = typed ?? property.defaultValue ?? null;
  if (raw === null || raw === "") return null;
  if (property.ofType === "TwoOptions") return raw === "true";
  if (property.ofType === "Whole.None" || property.ofType === "Decimal" || property.ofType === "FP") return Number(raw);
  return raw;
}

/** On a desktop the settings page and a view fill the main area, wider than a form's column. */
function widthOf(control: BuiltControl): number {
  if (options.formFactor !== "desktop") return options.width;
  if (control.dataSetName) return Math.max(options.width, VIEW_DESKTOP_WIDTH);
  return control.ctor === SETTINGS_CONTROL ? Math.max(options.width, SETTINGS_DESKTOP_WIDTH) : options.width;
}

function contextFor(card: Card, org: Organization): ComponentFramework.Context<unknown> {
  const { control } = card;
  const user = org.users[options.user];
  const typed = options.inputs[control.ctor] ?? {};
  return createPcfContext<unknown>({
    strings: card.strings,
    webAPI: meteredWebApi(org.standIn, control.ctor, {
      started: () => state.inFlight++,
      finished: (request) => {
        state.inFlight--;
        state.requests.push(request);
        scheduleRequestPanel();
      },
    }),
    language: options.language,
    // A view has no form record; a subgrid's form is the host's business, not the list's.
    form: card.dataSet ? undefined : org.form,
    inputs: Object.fromEntries(control.inputs.map((property) => [property.name, inputValue(property, typed[property.name])])),
    dataSets: card.dataSet && control.dataSetName ? { [control.dataSetName]: card.dataSet } : undefined,
    userId: user.id,
    userName: user.name,
    securityRoles: user.roleIds,
    width: widthOf(control),
    formFactor: FORM_FACTOR_CODES[options.formFactor],
    timeZone: options.timeZone ?? undefined,
    timeZoneOffsetMinutes: options.timeZoneOffsetMinutes,
    fluentDesignLanguage: DESIGN_LANGUAGES[options.theme],
    openForm: (form) => {
      state.openFormCalls.push({ control: control.ctor, options: form });
      log(`${control.ctor}: navigation.openForm ${JSON.stringify(form)}`);
      return Promise.resolve({});
    },
    openAlertDialog: (alert) => {
      state.alerts.push(alert.text);
      log(`${control.ctor}: navigation.openAlertDialog "${alert.text}"`);
      return Promise.resolve();
    },
    openConfirmDialog: (confirm) => Promise.resolve({ confirmed: window.confirm([confirm.title, confirm.text].filter(Boolean).join("\n\n")) }),
    onMissingString: (key) => {
      const entry = `${control.ctor} (${options.language}): ${key}`;
      if (state.missingStrings.includes(entry)) return;
      state.missingStrings.push(entry);
      showError(`Missing string ${entry}`);
    },
  });
}

/**
 * A dataset control gets the view of the form record's table (all its active records), as a view
 * or subgrid would give it; opening a row is a navigation.openForm, logged like the widgets' own.
 */
function viewOf(control: BuiltControl, org: Organization, rerender: () => void): ComponentFramework.PropertyTypes.DataSet {
  return createViewDataset(org.store, {
    table: org.form.entityTypeName,
    onChange: rerender,
    onOpen: (reference) => {
      const form = { entityName: reference.etn ?? org.form.entityTypeName, entityId: reference.id.guid };
      state.openFormCalls.push({ control: control.ctor, options: form });
      log(`${control.ctor}: openDatasetItem ${JSON.stringify(form)}`);
    },
  });
}

function inputsEditor(card: Card, rerender: () => void): HTMLElement | null {
  const { control } = card;
  if (control.inputs.length === 0) return null;
  const grid = element("div", { class: "pg-inputs" });
  for (const property of control.inputs) {
    const id = `pg-in-${control.ctor}-${property.name}`;
    const current = options.inputs[control.ctor]?.[property.name] ?? "";
    let field: HTMLInputElement | HTMLSelectElement;
    if (property.ofType === "TwoOptions" || property.ofType === "Enum") {
      field = element("select", { id });
      const values = property.ofType === "TwoOptions" ? ["true", "false"] : property.values;
      field.appendChild(element("option", { value: "" }, `(default${property.defaultValue ? `: ${property.defaultValue}` : ""})`));
      for (const value of values) field.appendChild(element("option", { value }, value));
      field.value = current;
    } else {
      field = element("input", { id, value: current, placeholder: property.defaultValue ?? "(not set)", type: property.ofType === "Whole.None" ? "number" : "text" });
    }
    field.addEventListener("change", () => {
      (options.inputs[control.ctor] ??= {})[property.name] = field.value;
      window.history.replaceState(null, "", writeOptions(options, window.location.search) || window.location.pathname);
      rerender();
    });
    grid.append(element("label", { for: id }, property.name), field);
  }
  return element("details", {}, element("summary", {}, "Inputs"), grid);
}

const cards: Card[] = [];
let organization: Organization | null = null;

function resize(width: number): void {
  options.width = width;
  window.history.replaceState(null, "", writeOptions(options, window.location.search) || window.location.pathname);
  for (const card of cards) {
    card.container.style.width = `${widthOf(card.control)}px`;
    if (card.hosted && organization) card.hosted.render(contextFor(card, organization));
  }
}

let panelQueued = false;
function scheduleRequestPanel(): void {
  if (panelQueued) return;
  panelQueued = true;
  requestAnimationFrame(() => {
    panelQueued = false;
    renderRequestPanel(requestPanel, state);
  });
}

async function hostControls(org: Organization): Promise<void> {
  const names = (await builtControlNames()).filter((name) => options.only === null || name === options.only);
  if (names.length === 0) showError(options.only ? `No built control named ${options.only} in out/controls.` : "out/controls holds no control: run npm run build.");
  const controls = await Promise.all(names.map((name) => readManifest(name)));
  const loaded = await Promise.all(controls.map(async (control) => ({ control, strings: await readStrings(control, options.language), ctor: await loadBundle(control) })));
  for (const { control, strings, ctor } of loaded) {
    const container = element("div", { style: `width: ${widthOf(control)}px` });
    const card: Card = { control, strings, container, hosted: null, dataSet: null };
    cards.push(card);
    const rerender = () => card.hosted?.render(contextFor(card, org));
    if (control.dataSetName) card.dataSet = viewOf(control, org, rerender);
    const view = card.dataSet ? ` · view: ${card.dataSet.getTitle()}` : "";
    const title = element("h2", {}, `${strings[`${control.ctor}_Display`] ?? control.ctor} · ${control.ctor}${view}`);
    formArea.appendChild(element("section", { class: "pg-card", "data-ctor": control.ctor }, title, ...[inputsEditor(card, rerender)].filter((node): node is HTMLElement => node !== null), container));
    state.controls[control.ctor] = { meaningfulRenderMs: null };
    try {
      card.hosted = new HostedControl(ctor, container, contextFor(card, org), (ms) => {
        state.controls[control.ctor].meaningfulRenderMs = ms;
        scheduleRequestPanel();
      });
    } catch (error) {
      container.textContent = `Failed to mount: ${describe(error)}`;
      showError(`${control.ctor}: ${describe(error)}`);
    }
  }
}

async function start(): Promise<void> {
  root.append(header(), errorPanel, formArea, requestPanel, logPanel);
  const org = await createOrganization(options, now);
  organization = org;
  state.count = (table) => org.store.count(table);
  state.replayedChanges = org.replayed;
  const user = org.users[options.user];
  log(`Signed in as ${user.name}${user.isAdmin ? " (System Administrator)" : ""}; form: ${org.form.entityTypeName} ${org.form.entityId || "(unsaved)"}${org.form.entityRecordName ? ` “${org.form.entityRecordName}”` : ""}; ${org.replayed} saved change(s) replayed`);
  await hostControls(org);
  renderRequestPanel(requestPanel, state);
  state.ready = true;
}

start().catch((error: unknown) => showError(`Playground failed to start: ${describe(error)}`));
