import type { MessageRef } from "../model";

/** Looks up a localized string and fills its `{name}` placeholders. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * Wraps the host's string lookup (PCF `context.resources.getString`). A missing key shows the key
 * itself, so a gap in a resx file is visible but never breaks a form. Placeholders without a value
 * stay as written.
 */
export function makeTranslate(getString: (key: string) => string): Translate {
  return (key, params) => {
    let text: string | undefined;
    try {
      text = getString(key);
    } catch {
      text = undefined;
    }
    if (typeof text !== "string" || text === "") return key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : placeholder,
    );
  };
}

/** Renders a MessageRef produced by the data or analytics layer. */
export function message(t: Translate, ref: MessageRef): string {
  return t(ref.key, ref.params);
}
