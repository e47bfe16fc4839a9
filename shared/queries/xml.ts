import { invalidInput } from "../errors";

/**
 * A minimal XML writer. Every attribute value and text node goes through `escapeXml`, so user
 * values can never change the shape of a query: this is the only place strings become XML.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyArray<readonly [string, string]>;
  readonly children: readonly XmlNode[];
}

export interface XmlText {
  readonly text: string;
}

export type XmlNode = XmlElement | XmlText;

export type XmlAttributeValue = string | number | boolean | undefined;

// Characters XML 1.0 cannot carry at all, even escaped (C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  // Parsers normalize raw tabs and line breaks in attributes to spaces; character references survive.
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Escapes a value for an attribute or text node; refuses characters XML cannot represent. */
export function escapeXml(value: string): string {
  if (NOT_XML_CHARACTER.test(value)) throw invalidInput("text for a query");
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]);
}

/** Builds an element; attributes whose value is undefined are left out. */
export function element(
  name: string,
  attributes: Record<string, XmlAttributeValue> = {},
  children: readonly XmlNode[] = [],
): XmlElement {
  const present = Object.entries(attributes).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined);
  return { name, attributes: present.map(([key, value]) => [key, String(value)] as const), children };
}

export function text(value: string): XmlText {
  return { text: value };
}

const XML_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function serializeXml(node: XmlNode): string {
  if ("text" in node) return escapeXml(node.text);
  // Names come from our own code, never from users; checked anyway so a typo cannot emit broken XML.
  if (!XML_NAME.test(node.name)) throw invalidInput("element name");
  const attributes = node.attributes
    .map(([key, value]) => {
      if (!XML_NAME.test(key)) throw invalidInput("attribute name");
      return ` ${key}="${escapeXml(value)}"`;
    })
    .join("");
  if (node.children.length === 0) return `<${node.name}${attributes}/>`;
  return `<${node.name}${attributes}>${node.children.map(serializeXml).join("")}</${node.name}>`;
}
