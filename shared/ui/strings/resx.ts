/**
 * Reads the key/value pairs of a .resx file. Pure (no DOM), so tests and build scripts can share it.
 * Only `<data name="…"><value>…</value></data>` entries count; resheaders and comments are ignored.
 */
export function parseResx(xml: string): Record<string, string> {
  const strings: Record<string, string> = {};
  const withoutComments = xml.replace(/<!--[\s\S]*?-->/g, "");
  const entry = /<data\s+[^>]*?name\s*=\s*"([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/data>)/g;
  for (let match = entry.exec(withoutComments); match; match = entry.exec(withoutComments)) {
    const value = /<value>([\s\S]*?)<\/value>|<value\s*\/>/.exec(match[2] ?? "");
    if (!value) continue;
    strings[decodeXml(match[1])] = decodeXml(value[1] ?? "");
  }
  return strings;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, entity: string) => {
    switch (entity) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default:
        return String.fromCodePoint(
          entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10),
        );
    }
  });
}
