/**
 * Where each part sits inside the solution zip. The packager writes these paths and the validator
 * expects them, so they are spelled once, here.
 */
import { PcfConfig, schemaName, settingsVariableSchemaName } from "./config";

export const CUSTOMIZATIONS_ENTRY = "customizations.xml";
export const SOLUTION_ENTRY = "solution.xml";
export const CONTENT_TYPES_ENTRY = "[Content_Types].xml";
export const MANIFEST_FILE = "ControlManifest.xml";
/** The file pcf-scripts writes for a manifest's `<code>` resource. */
export const BUNDLE_FILE = "bundle.js";
/** Written beside bundle.js when the minifier extracts third-party license comments. */
export const BUNDLE_LICENSE_FILE = "bundle.js.LICENSE.txt";

/** Dataverse component types used in solution.xml RootComponents. */
export const COMPONENT_TYPE = { customControl: 66, environmentVariableDefinition: 380 } as const;

export function controlFolder(controlSchemaName: string): string {
  return `Controls/${controlSchemaName}`;
}

export function controlManifestEntry(config: PcfConfig, ctor: string): string {
  return `${controlFolder(schemaName(config, ctor))}/${MANIFEST_FILE}`;
}

export function environmentVariableEntry(variableSchemaName: string): string {
  return `environmentvariabledefinitions/${variableSchemaName}/environmentvariabledefinition.xml`;
}

export function settingsVariableEntry(config: PcfConfig): string {
  return environmentVariableEntry(settingsVariableSchemaName(config));
}

/** `<UniqueName>_<1_0_0_0>.zip`, `..._managed.zip`: the names Dataverse exports use. */
export function solutionZipName(config: PcfConfig, managed: boolean): string {
  const version = config.version.replace(/\./g, "_");
  return `${config.solution.uniqueName}_${version}${managed ? "_managed" : ""}.zip`;
}
