/**
 * [Content_Types].xml: the OPC part list Dataverse's zip reader expects as the last entry. A
 * default per file extension in the zip, and an override per control manifest, as Microsoft writes it.
 */
import { MANIFEST_FILE } from "./layout";
import { element, renderDocument } from "./xml";

const OPC_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/content-types";
const XML_CONTENT_TYPE = "text/xml";
const BINARY_CONTENT_TYPE = "application/octet-stream";

export function contentTypesXml(entryNames: readonly string[]): string {
  const extensions = [...new Set(entryNames.map(extensionOf))];
  const manifests = entryNames.filter((name) => name.endsWith(`/${MANIFEST_FILE}`));
  return renderDocument(
    element("Types", { xmlns: OPC_NAMESPACE }, [
      ...extensions.map((extension) =>
        element("Default", { Extension: extension, ContentType: extension === "xml" ? XML_CONTENT_TYPE : BINARY_CONTENT_TYPE }),
      ),
      ...manifests.map((name) => element("Override", { PartName: `/${name}`, ContentType: BINARY_CONTENT_TYPE })),
    ]),
    { lineBreaks: false },
  );
}

export function extensionOf(entryName: string): string {
  return entryName.slice(entryName.lastIndexOf(".") + 1).toLowerCase();
}
