/**
 * Hosts a built control the way a form does: reads its ControlManifest.xml, loads its bundle.js
 * (which registers its constructor through window.ComponentFramework.registerControl), reads its
 * strings from the built resx of the user's language, then init → updateView, rendering the
 * returned element with the platform's ReactDOM into the control's container.
 */
import { parseResx } from "../../shared/ui/strings/resx";

export interface ManifestProperty {
  name: string;
  ofType: string | null;
  usage: string;
  defaultValue: string | null;
  /** Enum values. */
  values: string[];
}

export interface BuiltControl {
  ctor: string;
  /** namespace.constructor, as registered. */
  name: string;
  inputs: ManifestProperty[];
  /** A dataset control's data-set name (the view's records are passed under it); null for field controls. */
  dataSetName: string | null;
  resx: string[];
}

/** What a virtual control offers its host. */
export interface VirtualControl {
  init(context: ComponentFramework.Context<unknown>, notifyOutputChanged?: () => void, state?: ComponentFramework.Dictionary): void;
  updateView(context: ComponentFramework.Context<unknown>): unknown;
  destroy(): void;
}
type ControlClass = new () => VirtualControl;

interface PlatformWindow {
  ComponentFramework?: { registerControl(name: string, ctor: ControlClass): void };
  ReactDOM: { render(element: unknown, container: Element): void; unmountComponentAtNode(container: Element): boolean };
}
const platform = window as unknown as PlatformWindow;

const registered = new Map<string, ControlClass>();
platform.ComponentFramework = { registerControl: (name, ctor) => void registered.set(name, ctor) };

async function text(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

export async function builtControlNames(): Promise<string[]> {
  return JSON.parse(await text("controls/index.json")) as string[];
}

export async function readManifest(ctor: string): Promise<BuiltControl> {
  const xml = new DOMParser().parseFromString(await text(`controls/${ctor}/ControlManifest.xml`), "application/xml");
  const control = xml.querySelector("control");
  if (!control) throw new Error(`controls/${ctor}/ControlManifest.xml has no <control>`);
  const inputs = [...xml.querySelectorAll("control > property")]
    .filter((property) => property.getAttribute("usage") === "input")
    .map((property) => ({
      name: property.getAttribute("name") ?? "",
      ofType: property.getAttribute("of-type"),
      usage: "input",
      defaultValue: property.getAttribute("default-value"),
      values: [...property.querySelectorAll("value")].map((value) => value.textContent?.trim() ?? ""),
    }));
  return {
    ctor,
    name: `${control.getAttribute("namespace") ?? ""}.${ctor}`,
    inputs,
    dataSetName: xml.querySelector("control > data-set")?.getAttribute("name") ?? null,
    resx: [...xml.querySelectorAll("resources > resx")].map((resx) => resx.getAttribute("path") ?? ""),
  };
}

/** The control's strings in one language, from the resx the build wrote (shared strings already merged in). */
export async function readStrings(control: BuiltControl, language: number): Promise<Record<string, string>> {
  const path = control.resx.find((candidate) => candidate.endsWith(`.${language}.resx`));
  if (!path) return {};
  return parseResx(await text(`controls/${control.ctor}/${path}`));
}

/** Loads bundle.js once, as a script tag, and answers the constructor it registered. */
export function loadBundle(control: BuiltControl): Promise<ControlClass> {
  const known = registered.get(control.name);
  if (known) return Promise.resolve(known);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = `controls/${control.ctor}/bundle.js`;
    script.onload = () => {
      const ctor = registered.get(control.name);
      if (ctor) resolve(ctor);
      else reject(new Error(`${control.ctor}/bundle.js loaded but registered no ${control.name}`));
    };
    script.onerror = () => reject(new Error(`${control.ctor}/bundle.js could not be loaded`));
    document.head.appendChild(script);
  });
}

/**
 * A control in its container. `render` is updateView: the host calls it after init and whenever
 * an input or the allocated size changes. The first render's time to meaningful content (no
 * loading shimmer left) is measured from that updateView call.
 */
export class HostedControl {
  private readonly instance: VirtualControl;
  /** ms from the first updateView to content without a loading state; null until then. */
  meaningfulRenderMs: number | null = null;
  private observer: MutationObserver | null = null;

  constructor(
    ctor: ControlClass,
    readonly container: HTMLElement,
    context: ComponentFramework.Context<unknown>,
    private readonly onMeaningfulRender: (ms: number) => void,
  ) {
    this.instance = new ctor();
    this.instance.init(context, () => undefined, {});
    this.render(context, true);
  }

  render(context: ComponentFramework.Context<unknown>, first = false): void {
    const check = first ? this.watchFirstRender(performance.now()) : null;
    platform.ReactDOM.render(this.instance.updateView(context), this.container);
    check?.();
  }

  /** Watches the container until it holds content and no loading state; returns the check. */
  private watchFirstRender(started: number): () => void {
    let sawLoading = false;
    const check = () => {
      if (this.meaningfulRenderMs !== null) return;
      const loading = this.container.querySelector('[data-state="loading"]') !== null;
      sawLoading ||= loading;
      // A control that renders nothing at first has not rendered yet; one that showed loading and now shows nothing has.
      if (loading || (!sawLoading && this.container.childElementCount === 0)) return;
      this.meaningfulRenderMs = performance.now() - started;
      this.observer?.disconnect();
      this.onMeaningfulRender(this.meaningfulRenderMs);
    };
    this.observer = new MutationObserver(check);
    this.observer.observe(this.container, { childList: true, subtree: true, attributes: true });
    return check;
  }

  destroy(): void {
    this.observer?.disconnect();
    platform.ReactDOM.unmountComponentAtNode(this.container);
    this.instance.destroy();
  }
}
