/**
 * Merges the strings every widget shares into one control's resx at build time, so the shared
 * strings are written once but each control still ships one self-contained resx per language.
 * The control's own entries win when a key is in both.
 */
const DATA_ENTRY = /<data\s+name="([^"]+)"[\s\S]*?<\/data>/g;

export function resxKeys(xml: string): string[] {
  return [...xml.matchAll(DATA_ENTRY)].map((m) => m[1]);
}

export function mergeResx(commonXml: string, ownXml: string): string {
  const own = new Set(resxKeys(ownXml));
  const added = [...commonXml.matchAll(DATA_ENTRY)].filter((m) => !own.has(m[1])).map((m) => `  ${m[0]}\n`);
  const end = ownXml.lastIndexOf("</root>");
  if (end < 0) throw new Error("resx without </root>");
  return ownXml.slice(0, end) + added.join("") + ownXml.slice(end);
}
