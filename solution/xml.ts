/**
 * A small XML writer for the solution files, and strict parsing helpers for reading manifests and
 * re-reading what we wrote. Documents are written as Microsoft's packager writes them: UTF-8 with a
 * byte-order mark and CRLF line ends.
 */
import { DOMParser, Element, onErrorStopParsing } from "@xmldom/xmldom";
import { PackageError } from "./errors";

export const XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

export interface XmlElement {
  name: string;
  attributes: ReadonlyArray<readonly [string, string]>;
  children: ReadonlyArray<XmlElement | string>;
}

/** Attributes keep the order given, so the output reads like Microsoft's. */
export function element(
  name: string,
  attributes: Record<string, string | number> = {},
  children: ReadonlyArray<XmlElement | string> = [],
): XmlElement {
  return { name, attributes: Object.entries(attributes).map(([key, value]) => [key, String(value)] as const), children };
}

/** An element holding only text: `<Version>1.0.0.0</Version>`. */
export function textElement(name: string, text: string | number, attributes: Record<string, string | number> = {}): XmlElement {
  return element(name, attributes, [String(text)]);
}

/** An element explicitly without a value (`xsi:nil`), as solution.xml marks unknown publisher details. */
export function nilElement(name: string): XmlElement {
  return element(name, { "xsi:nil": "true" });
}

const BOM = "\uFEFF";
const EOL = "\r\n";

export function renderDocument(root: XmlElement, options: { lineBreaks: boolean } = { lineBreaks: true }): string {
  const lines: string[] = [];
  render(root, 0, lines, options.lineBreaks);
  const declaration = `<?xml version="1.0" encoding="utf-8"?>`;
  return options.lineBreaks ? `${BOM}${declaration}${EOL}${lines.join(EOL)}${EOL}` : `${BOM}${declaration}${lines.join("")}`;
}

function render(node: XmlElement, depth: number, lines: string[], indent: boolean): void {
  const pad = indent ? "  ".repeat(depth) : "";
  const attributes = node.attributes.map(([key, value]) => ` ${key}="${escapeXml(value).replace(/"/g, "&quot;")}"`).join("");
  if (node.children.length === 0) {
    lines.push(`${pad}<${node.name}${attributes} />`);
  } else if (node.children.every((child) => typeof child === "string")) {
    lines.push(`${pad}<${node.name}${attributes}>${escapeXml(node.children.join(""))}</${node.name}>`);
  } else {
    lines.push(`${pad}<${node.name}${attributes}>`);
    for (const child of node.children) {
      if (typeof child === "string") throw new Error(`mixed content is not supported in <${node.name}>`);
      render(child, depth + 1, lines, indent);
    }
    lines.push(`${pad}</${node.name}>`);
  }
}

/** Escapes text content; attribute values additionally escape the double quote that delimits them. */
function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Parses strictly: any well-formedness error becomes a PackageError naming the file. */
export function parseXml(text: string, fileName: string): Element {
  try {
    const document = new DOMParser({ onError: onErrorStopParsing }).parseFromString(text.replace(/^\uFEFF/, ""), "text/xml");
    if (!document.documentElement) throw new Error("no root element");
    return document.documentElement;
  } catch (error) {
    throw new PackageError(`${fileName} is not well-formed XML: ${firstLine((error as Error).message)}`);
  }
}

export function childElements(container: Element, name?: string): Element[] {
  const result: Element[] = [];
  for (let node = container.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (name === undefined || node.nodeName === name)) result.push(node as Element);
  }
  return result;
}

export function childElement(container: Element, name: string): Element | undefined {
  return childElements(container, name)[0];
}

export function textOf(element: Element | undefined): string {
  return element?.textContent?.trim() ?? "";
}

function firstLine(message: string): string {
  return message.split("\n")[0];
}
