/**
 * Checks a finished solution zip the way an import would meet it, with no native tools: entry
 * names, order and compression; each XML file against the project's schemas (solution/schemas/);
 * and the cross-file rules no schema can express: every control root component has its
 * CustomControl, manifest, registering bundle and strings; the settings variable has its definition.
 */
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import { validateXML } from "xmllint-wasm";
import { BASE_LANGUAGE, PcfConfig, schemaName, settingsVariableSchemaName } from "./config";
import { extensionOf } from "./contentTypes";
import { PackageError } from "./errors";
import {
  BUNDLE_FILE,
  BUNDLE_LICENSE_FILE,
  COMPONENT_TYPE,
  CONTENT_TYPES_ENTRY,
  controlFolder,
  CUSTOMIZATIONS_ENTRY,
  environmentVariableEntry,
  MANIFEST_FILE,
  SOLUTION_ENTRY,
} from "./layout";
import { VARIABLE_TYPE } from "./settingsVariable";
import { childElement, childElements, parseXml, textOf } from "./xml";
import { DEFLATE, readZipDirectory } from "./zipDirectory";
import type { Element } from "@xmldom/xmldom";

export const SCHEMA_DIR = join(__dirname, "schemas");
export const SCHEMA_FILES = {
  customizations: "customizations.xsd",
  solution: "solution.xsd",
  environmentVariable: "environmentvariabledefinition.xsd",
} as const;

export interface Expectation {
  config: PcfConfig;
  managed: boolean;
}

/** Throws one PackageError listing every problem found; resolves when the zip is sound. */
export async function validateSolutionZip(zip: Uint8Array, expected: Expectation, label = "solution zip"): Promise<void> {
  const problems = await solutionProblems(zip, expected);
  if (problems.length > 0) throw new PackageError(`${label} failed validation (${problems.length}): ${problems.join("; ")}`);
}

export async function solutionProblems(zip: Uint8Array, expected: Expectation): Promise<string[]> {
  const directory = readZipDirectory(zip);
  const names = directory.map((entry) => entry.name);
  const problems = entryNameProblems(names);
  for (const entry of directory) {
    if (entry.method !== DEFLATE) problems.push(`${entry.name} is not deflated (method ${entry.method})`);
  }
  const files = unzipSync(zip);
  const text = (name: string): string | undefined => (files[name] ? strFromU8(files[name]) : undefined);

  const solutionText = text(SOLUTION_ENTRY);
  const customizationsText = text(CUSTOMIZATIONS_ENTRY);
  if (solutionText === undefined || customizationsText === undefined) return problems;
  problems.push(...(await schemaProblems(solutionText, SOLUTION_ENTRY, SCHEMA_FILES.solution)));
  problems.push(...(await schemaProblems(customizationsText, CUSTOMIZATIONS_ENTRY, SCHEMA_FILES.customizations)));
  if (problems.length > 0) return problems; // the content checks below assume well-formed, valid documents

  const solution = parseXml(solutionText, SOLUTION_ENTRY);
  const customizations = parseXml(customizationsText, CUSTOMIZATIONS_ENTRY);
  problems.push(...manifestProblems(solution, expected));
  problems.push(...languageProblems(customizations, expected.config));

  const accounted = new Set([CUSTOMIZATIONS_ENTRY, SOLUTION_ENTRY, CONTENT_TYPES_ENTRY]);
  const customControls = new Map(
    childElements(childElement(customizations, "CustomControls")!, "CustomControl").map((control) => [
      textOf(childElement(control, "Name")),
      textOf(childElement(control, "FileName")),
    ]),
  );
  const rootComponents = childElements(childElement(childElement(solution, "SolutionManifest")!, "RootComponents")!, "RootComponent");
  for (const component of rootComponents) {
    const type = Number(component.getAttribute("type"));
    const name = component.getAttribute("schemaName") ?? "";
    if (type === COMPONENT_TYPE.customControl) {
      problems.push(...controlProblems(name, customControls, text, accounted, expected.config));
      customControls.delete(name);
    } else if (type === COMPONENT_TYPE.environmentVariableDefinition) {
      const entry = environmentVariableEntry(name);
      accounted.add(entry);
      const definition = text(entry);
      if (definition === undefined) problems.push(`environment variable ${name} has no ${entry}`);
      else problems.push(...(await variableProblems(definition, entry, name, expected.config)));
    } else {
      problems.push(`solution.xml has a root component of unexpected type ${type} (${name})`);
    }
  }
  for (const name of customControls.keys()) problems.push(`customizations.xml lists CustomControl ${name}, which is not a root component`);
  if (!rootComponents.some((component) => component.getAttribute("schemaName") === settingsVariableSchemaName(expected.config))) {
    problems.push(`solution.xml does not carry the settings variable ${settingsVariableSchemaName(expected.config)}`);
  }
  for (const name of names) if (!accounted.has(name)) problems.push(`unexpected entry ${name}`);

  const contentTypes = text(CONTENT_TYPES_ENTRY);
  if (contentTypes !== undefined) problems.push(...contentTypeProblems(contentTypes, names));
  return problems;
}

/** Dataverse's reader wants exact names: lower-case parts first, content types last, forward slashes. */
function entryNameProblems(names: readonly string[]): string[] {
  const problems: string[] = [];
  if (names[0] !== CUSTOMIZATIONS_ENTRY) problems.push(`the first entry must be ${CUSTOMIZATIONS_ENTRY}, not ${names[0] ?? "nothing"}`);
  if (names[1] !== SOLUTION_ENTRY) problems.push(`the second entry must be ${SOLUTION_ENTRY}, not ${names[1] ?? "nothing"}`);
  if (names[names.length - 1] !== CONTENT_TYPES_ENTRY) problems.push(`the last entry must be ${CONTENT_TYPES_ENTRY}`);
  const seen = new Set<string>();
  for (const name of names) {
    if (name.includes("\\")) problems.push(`entry ${name} uses backslashes`);
    if (name.endsWith("/")) problems.push(`entry ${name} is a directory entry`);
    if (name.startsWith("/")) problems.push(`entry ${name} starts with a slash`);
    if (seen.has(name.toLowerCase())) problems.push(`entry ${name} appears twice`);
    seen.add(name.toLowerCase());
  }
  return problems;
}

async function schemaProblems(xml: string, fileName: string, schemaFile: string): Promise<string[]> {
  const result = await validateXML({
    xml: { fileName, contents: xml },
    schema: { fileName: schemaFile, contents: readFileSync(join(SCHEMA_DIR, schemaFile), "utf8") },
  });
  return result.valid ? [] : result.errors.map((error) => `${fileName} does not match ${schemaFile}: ${error.message}`);
}

function manifestProblems(root: Element, { config, managed }: Expectation): string[] {
  const problems: string[] = [];
  const manifest = childElement(root, "SolutionManifest")!;
  const publisher = childElement(manifest, "Publisher")!;
  const expect = (what: string, actual: string, wanted: string | number): void => {
    if (actual !== String(wanted)) problems.push(`solution.xml ${what} is "${actual}", expected "${wanted}"`);
  };
  expect("languagecode", root.getAttribute("languagecode") ?? "", BASE_LANGUAGE);
  expect("UniqueName", textOf(childElement(manifest, "UniqueName")), config.solution.uniqueName);
  expect("Version", textOf(childElement(manifest, "Version")), config.version);
  expect("Managed", textOf(childElement(manifest, "Managed")), managed ? 1 : 0);
  expect("Publisher UniqueName", textOf(childElement(publisher, "UniqueName")), config.publisher.uniqueName);
  expect("CustomizationPrefix", textOf(childElement(publisher, "CustomizationPrefix")), config.publisher.prefix);
  expect("CustomizationOptionValuePrefix", textOf(childElement(publisher, "CustomizationOptionValuePrefix")), config.publisher.optionValuePrefix);
  const labelled: Array<[string, Element, string]> = [
    ["solution LocalizedNames", manifest, "LocalizedNames"],
    ["solution Descriptions", manifest, "Descriptions"],
    ["publisher LocalizedNames", publisher, "LocalizedNames"],
    ["publisher Descriptions", publisher, "Descriptions"],
  ];
  for (const [what, parent, listName] of labelled) {
    const codes = childElements(childElement(parent, listName)!).map((label) => Number(label.getAttribute("languagecode")));
    for (const language of config.languages) if (!codes.includes(language)) problems.push(`solution.xml ${what} lacks language ${language}`);
  }
  return problems;
}

function languageProblems(customizations: Element, config: PcfConfig): string[] {
  const listed = childElements(childElement(customizations, "Languages")!, "Language").map((language) => Number(textOf(language)));
  return config.languages.filter((language) => !listed.includes(language)).map((language) => `customizations.xml Languages lacks ${language}`);
}

function controlProblems(
  name: string,
  customControls: ReadonlyMap<string, string>,
  text: (entry: string) => string | undefined,
  accounted: Set<string>,
  config: PcfConfig,
): string[] {
  const problems: string[] = [];
  const folder = controlFolder(name);
  const manifestEntry = `${folder}/${MANIFEST_FILE}`;
  const fileName = customControls.get(name);
  if (fileName === undefined) problems.push(`control ${name} has no CustomControl in customizations.xml`);
  else if (fileName !== `/${manifestEntry}`) problems.push(`CustomControl ${name} points to ${fileName}, expected /${manifestEntry}`);

  const manifestText = text(manifestEntry);
  accounted.add(manifestEntry);
  if (manifestText === undefined) return [...problems, `control ${name} has no ${manifestEntry}`];
  const control = childElement(parseXml(manifestText, manifestEntry), "control");
  if (!control) return [...problems, `${manifestEntry} has no <control>`];
  const ctor = control.getAttribute("constructor") ?? "";
  const namespace = control.getAttribute("namespace") ?? "";
  if (name !== schemaName(config, ctor) || namespace !== config.namespace) {
    problems.push(`${manifestEntry} declares ${namespace}.${ctor}, which does not make the schema name ${name}`);
  }

  const resources = childElement(control, "resources");
  const paths = resources ? childElements(resources).map((resource) => resource.getAttribute("path")).filter((path): path is string => !!path) : [];
  for (const path of paths) {
    accounted.add(`${folder}/${path}`);
    if (text(`${folder}/${path}`) === undefined) problems.push(`${manifestEntry} names ${path}, which is not in the zip`);
  }
  accounted.add(`${folder}/${BUNDLE_LICENSE_FILE}`);
  for (const language of config.languages) {
    if (!paths.some((path) => path.endsWith(`.${language}.resx`))) problems.push(`${manifestEntry} names no strings for language ${language}`);
  }
  const bundle = text(`${folder}/${BUNDLE_FILE}`);
  if (bundle === undefined) problems.push(`control ${name} has no ${folder}/${BUNDLE_FILE}`);
  else if (!registersControl(bundle, `${namespace}.${ctor}`)) problems.push(`${folder}/${BUNDLE_FILE} does not register ${namespace}.${ctor}`);
  return problems;
}

/** pcf-scripts appends `ComponentFramework.registerControl('<namespace>.<constructor>', …)` to every bundle. */
export function registersControl(bundle: string, qualifiedName: string): boolean {
  const escaped = qualifiedName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`ComponentFramework\\.registerControl\\(\\s*(['"])${escaped}\\1`).test(bundle);
}

async function variableProblems(xml: string, entry: string, name: string, config: PcfConfig): Promise<string[]> {
  const problems = await schemaProblems(xml, entry, SCHEMA_FILES.environmentVariable);
  if (problems.length > 0) return problems;
  const definition = parseXml(xml, entry);
  if (definition.getAttribute("schemaname") !== name) problems.push(`${entry} defines ${definition.getAttribute("schemaname")}, expected ${name}`);
  for (const labels of ["displayname", "description"]) {
    const codes = childElements(childElement(definition, labels)!, "label").map((label) => Number(label.getAttribute("languagecode")));
    for (const language of config.languages) if (!codes.includes(language)) problems.push(`${entry} ${labels} lacks language ${language}`);
  }
  if (textOf(childElement(definition, "type")) === String(VARIABLE_TYPE.json)) {
    try {
      JSON.parse(childElement(definition, "defaultvalue")?.textContent ?? "");
    } catch {
      problems.push(`${entry} is a JSON variable whose defaultvalue is not JSON`);
    }
  }
  return problems;
}

function contentTypeProblems(xml: string, names: readonly string[]): string[] {
  const types = parseXml(xml, CONTENT_TYPES_ENTRY);
  const defaults = childElements(types, "Default").map((item) => item.getAttribute("Extension")?.toLowerCase());
  const overrides = childElements(types, "Override").map((item) => item.getAttribute("PartName"));
  const problems: string[] = [];
  for (const extension of new Set(names.map(extensionOf))) {
    if (!defaults.includes(extension)) problems.push(`${CONTENT_TYPES_ENTRY} has no Default for .${extension}`);
  }
  for (const name of names.filter((entry) => entry.endsWith(`/${MANIFEST_FILE}`))) {
    if (!overrides.includes(`/${name}`)) problems.push(`${CONTENT_TYPES_ENTRY} has no Override for /${name}`);
  }
  return problems;
}
