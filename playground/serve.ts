/**
 * Serves the dev-only playground on loopback, the way a form's host serves a control:
 *   /                    playground/index.html (the host page)
 *   /dist/…              the host page's own script (playground/dist, from playground/build.ts)
 *   /controls/…          the production build, unchanged (out/controls/<Ctor>/bundle.js, manifest, resx)
 *   /controls/index.json the controls found there
 *   /platform/…          the platform libraries the host supplies: React 16.14.0, ReactDOM, Fluent 8.121.1
 * Run directly (PORT=8181 npx tsx playground/serve.ts) or through startPlayground (tests, benchmarks).
 */
import { existsSync, readdirSync } from "fs";
import { readFile } from "fs/promises";
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { join, normalize, sep } from "path";

const HOST = "127.0.0.1";
const ROOT = join(__dirname, "..");
const HERE = __dirname;
const DIST = join(HERE, "dist");
/** The production build; PLAYGROUND_CONTROLS points elsewhere (another checkout's out/controls). */
export const CONTROLS_DIR = process.env.PLAYGROUND_CONTROLS ?? join(ROOT, "out", "controls");

/** Production builds: what Dynamics 365 loads, not the development ones pcf-start uses. */
const PLATFORM: Record<string, string> = {
  "/platform/react.js": join(ROOT, "node_modules", "react", "umd", "react.production.min.js"),
  "/platform/react-dom.js": join(ROOT, "node_modules", "react-dom", "umd", "react-dom.production.min.js"),
  "/platform/fluent.js": join(ROOT, "node_modules", "@fluentui", "react", "dist", "fluentui-react.umd.js"),
};

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".resx": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Constructors with a built bundle, in name order. */
export function builtControls(): string[] {
  if (!existsSync(CONTROLS_DIR)) return [];
  return readdirSync(CONTROLS_DIR)
    .filter((name) => existsSync(join(CONTROLS_DIR, name, "bundle.js")) && existsSync(join(CONTROLS_DIR, name, "ControlManifest.xml")))
    .sort();
}

/** A file under `base`, or null when the path escapes it. */
function inside(base: string, relative: string): string | null {
  const file = normalize(join(base, decodeURIComponent(relative)));
  return file.startsWith(base + sep) ? file : null;
}

function resolve(path: string): string | null {
  if (path === "/" || path === "/index.html") return join(HERE, "index.html");
  if (PLATFORM[path]) return PLATFORM[path];
  if (path.startsWith("/dist/")) return inside(DIST, path.slice("/dist/".length));
  if (path.startsWith("/controls/")) return inside(CONTROLS_DIR, path.slice("/controls/".length));
  return null;
}

export function createPlaygroundServer(): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? "/", `http://${HOST}`).pathname;
    const send = (status: number, type: string, body: string | Buffer) => {
      response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : body);
    };
    const notFound = () => send(404, "text/plain; charset=utf-8", "Not found\n");
    if (request.method !== "GET" && request.method !== "HEAD") return notFound();
    if (path === "/favicon.ico") return send(204, "image/x-icon", "");
    if (path === "/controls/index.json") return send(200, TYPES[".json"], JSON.stringify(builtControls()));
    const file = resolve(path);
    if (!file) return notFound();
    readFile(file).then((body) => send(200, TYPES[file.slice(file.lastIndexOf("."))] ?? "application/octet-stream", body), notFound);
  });
}

/** Starts the server (port 0 = any free port) and says where it listens. */
export function startPlayground(port: number): Promise<{ server: Server; url: string }> {
  const server = createPlaygroundServer();
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, HOST, () => {
      const { port: bound } = server.address() as AddressInfo;
      resolvePromise({ server, url: `http://${HOST}:${bound}/` });
    });
  });
}

if (require.main === module) {
  if (builtControls().length === 0) {
    console.error("out/controls holds no built control: run npm run build first (npm run playground does).");
    process.exit(1);
  }
  startPlayground(Number(process.env.PORT ?? 8181)).then(
    ({ url }) => console.log(`Playground: ${url}  (hosting ${builtControls().join(", ")}; switches are in the page)`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
