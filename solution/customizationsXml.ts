/**
 * customizations.xml: the component definitions. A controls solution has empty standard sections,
 * one CustomControl per control (child elements: Dataverse rejects attributes here), and its languages.
 */
import { PcfConfig } from "./config";
import { element, renderDocument, textElement, XSI_NAMESPACE } from "./xml";

/** The sections Microsoft writes, empty, before CustomControls and after it (schema order). */
const SECTIONS_BEFORE_CONTROLS = [
  "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships",
  "OrganizationSettings", "optionsets",
];
const SECTIONS_AFTER_CONTROLS = ["SolutionPluginAssemblies", "EntityDataProviders"];

export interface CustomControlEntry {
  /** `<prefix>_<namespace>.<constructor>` */
  name: string;
  /** Zip path of its manifest, written with a leading slash as Dataverse expects. */
  manifestEntry: string;
}

export function customizationsXml(config: PcfConfig, controls: readonly CustomControlEntry[]): string {
  return renderDocument(
    element("ImportExportXml", { "xmlns:xsi": XSI_NAMESPACE }, [
      ...SECTIONS_BEFORE_CONTROLS.map((name) => element(name)),
      element(
        "CustomControls",
        {},
        controls.map((control) =>
          element("CustomControl", {}, [textElement("Name", control.name), textElement("FileName", `/${control.manifestEntry}`)]),
        ),
      ),
      ...SECTIONS_AFTER_CONTROLS.map((name) => element(name)),
      element("Languages", {}, config.languages.map((language) => textElement("Language", language))),
    ]),
  );
}
