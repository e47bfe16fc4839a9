/**
 * Reads the build output (out/controls/<Ctor>/) into the controls the solution will carry, refusing
 * anything Dataverse would import badly or not at all: a folder that is not its constructor, a
 * namespace or version other than pcf.config.json's, a control that cannot be bound to a column,
 * a resource the manifest names but the build did not write, a configured language without strings.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { controlVersion, PcfConfig } from "./config";
import { PackageError } from "./errors";
import { BUNDLE_FILE, BUNDLE_LICENSE_FILE, MANIFEST_FILE } from "./layout";
import { childElement, childElements, parseXml } from "./xml";

export interface ControlFile {
  /** Relative to the control's folder, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface BuiltControl {
  ctor: string;
  /** The control version the build stamped, equal to controlVersion(config). */
  version: string;
  /** ControlManifest.xml first, then every resource the manifest names, in manifest order. */
  files: ControlFile[];
}

/** Manifest resources that are files in the control's folder. */
const FILE_RESOURCES = new Set(["code", "css", "img", "resx"]);

export function readBuiltControls(controlsDir: string, config: PcfConfig): BuiltControl[] {
  if (!existsSync(controlsDir)) throw new PackageError(`${controlsDir} not found: run "npm run build" first`);
  const folders = readdirSync(controlsDir)
    .filter((name) => statSync(join(controlsDir, name)).isDirectory())
    .sort();
  if (folders.length === 0) throw new PackageError(`${controlsDir} holds no controls: run "npm run build" first`);
  return folders.map((folder) => readBuiltControl(join(controlsDir, folder), folder, config));
}

function readBuiltControl(dir: string, folder: string, config: PcfConfig): BuiltControl {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new PackageError(`${dir} has no ${MANIFEST_FILE}: run "npm run build" first`);
  const manifestBytes = readFileSync(manifestPath);
  const label = `${folder}/${MANIFEST_FILE}`;
  const control = childElement(parseXml(manifestBytes.toString("utf8"), label), "control");
  if (!control) throw new PackageError(`${label} has no <control> element`);

  const ctor = control.getAttribute("constructor") ?? "";
  if (ctor !== folder) throw new PackageError(`${label}: constructor "${ctor}" differs from its folder name "${folder}"; they must be equal`);
  const namespace = control.getAttribute("namespace") ?? "";
  if (namespace !== config.namespace) {
    throw new PackageError(`${label}: namespace "${namespace}" differs from pcf.config.json namespace "${config.namespace}": run "npm run build"`);
  }
  const version = control.getAttribute("version") ?? "";
  if (version !== controlVersion(config)) {
    throw new PackageError(`${label}: version "${version}" is not ${controlVersion(config)} (from pcf.config.json version ${config.version}): run "npm run build"`);
  }
  // A field control must bind to a column: that column is the placeholder makers put it on.
  if (childElements(control, "data-set").length === 0 && !childElements(control, "property").some((property) => property.getAttribute("usage") === "bound")) {
    throw new PackageError(`${label} has no property with usage="bound" and no data-set: a field control is placed on a column, a dataset control on a view`);
  }

  const resources = childElement(control, "resources");
  const resourcePaths = resources
    ? childElements(resources).filter((resource) => FILE_RESOURCES.has(resource.nodeName)).map((resource) => resource.getAttribute("path") ?? "")
    : [];
  if (!resourcePaths.includes(BUNDLE_FILE)) throw new PackageError(`${label} names no <code path="${BUNDLE_FILE}">: was it built by pcf-scripts?`);
  for (const language of config.languages) {
    if (!resourcePaths.some((path) => path.endsWith(`.${language}.resx`))) {
      throw new PackageError(`${label} names no strings for language ${language} (a resx ending ".${language}.resx")`);
    }
  }

  const files: ControlFile[] = [{ path: MANIFEST_FILE, bytes: manifestBytes }];
  for (const path of resourcePaths) files.push({ path, bytes: readResource(dir, path, label) });
  // Keep the bundler's license notices with the code they belong to, as Microsoft's packager does.
  const licensePath = join(dir, BUNDLE_LICENSE_FILE);
  if (existsSync(licensePath)) {
    const afterBundle = files.findIndex((file) => file.path === BUNDLE_FILE) + 1;
    files.splice(afterBundle, 0, { path: BUNDLE_LICENSE_FILE, bytes: readFileSync(licensePath) });
  }
  return { ctor, version, files };
}

function readResource(dir: string, path: string, label: string): Uint8Array {
  // Resource paths become zip entry names: keep them relative, forward-slashed and inside the folder.
  if (path === "" || path.includes("\\") || path.startsWith("/") || path.split("/").includes("..")) {
    throw new PackageError(`${label} names a resource with an unusable path "${path}": use a relative path with forward slashes`);
  }
  const file = join(dir, path);
  if (!existsSync(file)) throw new PackageError(`${label} names ${path}, which the build did not write`);
  return readFileSync(file);
}
