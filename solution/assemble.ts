/**
 * Puts the solution together: the ordered entry list (customizations.xml first, solution.xml second,
 * the controls, the settings variable, [Content_Types].xml last) and the deflated zip made from it.
 */
import { strToU8, zipSync, Zippable } from "fflate";
import { PcfConfig, schemaName, settingsVariableSchemaName } from "./config";
import { BuiltControl } from "./controls";
import { contentTypesXml } from "./contentTypes";
import { customizationsXml } from "./customizationsXml";
import { COMPONENT_TYPE, CONTENT_TYPES_ENTRY, controlFolder, controlManifestEntry, CUSTOMIZATIONS_ENTRY, settingsVariableEntry, SOLUTION_ENTRY } from "./layout";
import { settingsVariableXml } from "./settingsVariable";
import { RootComponent, solutionXml } from "./solutionXml";

export interface SolutionInput {
  config: PcfConfig;
  controls: readonly BuiltControl[];
  /** The settings defaults as JSON: the environment variable's default value. */
  settingsDefaultJson: string;
  managed: boolean;
}

export interface SolutionEntry {
  name: string;
  bytes: Uint8Array;
}

export function solutionEntries({ config, controls, settingsDefaultJson, managed }: SolutionInput): SolutionEntry[] {
  const rootComponents: RootComponent[] = [
    ...controls.map((control) => ({ type: COMPONENT_TYPE.customControl, schemaName: schemaName(config, control.ctor) })),
    { type: COMPONENT_TYPE.environmentVariableDefinition, schemaName: settingsVariableSchemaName(config) },
  ];
  const customControls = controls.map((control) => ({
    name: schemaName(config, control.ctor),
    manifestEntry: controlManifestEntry(config, control.ctor),
  }));
  const entries: SolutionEntry[] = [
    { name: CUSTOMIZATIONS_ENTRY, bytes: strToU8(customizationsXml(config, customControls)) },
    { name: SOLUTION_ENTRY, bytes: strToU8(solutionXml(config, rootComponents, managed)) },
    ...controls.flatMap((control) =>
      control.files.map((file) => ({ name: `${controlFolder(schemaName(config, control.ctor))}/${file.path}`, bytes: file.bytes })),
    ),
    { name: settingsVariableEntry(config), bytes: strToU8(settingsVariableXml(config, settingsDefaultJson)) },
  ];
  const contentTypes = contentTypesXml([...entries.map((entry) => entry.name), CONTENT_TYPES_ENTRY]);
  return [...entries, { name: CONTENT_TYPES_ENTRY, bytes: strToU8(contentTypes) }];
}

/** Deflated entries in the given order; only files, so the zip has no directory entries. */
export function zipSolution(entries: readonly SolutionEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [entry.bytes, { level: 9 }];
  return zipSync(files);
}

export function buildSolutionZip(input: SolutionInput): Uint8Array {
  return zipSolution(solutionEntries(input));
}
