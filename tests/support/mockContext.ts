/**
 * The one typed PCF context every control test uses (Creator Kit copies a mock per control; we
 * keep one, shared with the playground: dev/pcfContext.ts). Strings come from the real resx files,
 * merged the way the build merges them, so a missing translation fails here as it would on a form.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createPcfContext, type Language, type PcfContextOptions } from "../../dev/pcfContext";
import { LIBRARY_VERSION } from "../../shared/libraryInfo";
import { pageCache } from "../../shared/transport/cache";
import { parseResx } from "../../shared/ui/strings/resx";

export type { Language };

const ROOT = join(__dirname, "..", "..");

/** The strings a control ships in one language: the shared ones, then its own (own win). */
export function controlStrings(ctor: string, language: Language): Record<string, string> {
  const common = parseResx(readFileSync(join(ROOT, "shared", "ui", "strings", `common.${language}.resx`), "utf8"));
  const own = parseResx(readFileSync(join(ROOT, "components", ctor, "strings", `${ctor}.${language}.resx`), "utf8"));
  return { ...common, ...own };
}

export interface MockContextOptions extends Omit<PcfContextOptions, "strings" | "onTrackResize"> {
  ctor: string;
}

export interface MockContext<T> extends ComponentFramework.Context<T> {
  /** Calls to trackContainerResize, so tests can check controls ask for their width. */
  readonly resizeTracking: boolean[];
}

/** Each mock context is a fresh page: nothing cached by an earlier test's controls. */
export function mockContext<T>(options: MockContextOptions): MockContext<T> {
  pageCache(LIBRARY_VERSION).clear();
  const resizeTracking: boolean[] = [];
  const context = createPcfContext<T>({
    ...options,
    strings: controlStrings(options.ctor, options.language ?? 1033),
    onTrackResize: (value) => resizeTracking.push(value),
  });
  return Object.assign(context, { resizeTracking });
}
