/**
 * Serves the dev-only playground on loopback: playground/index.html and playground/dist/.
 *   PORT=8181 npx tsx playground/serve.ts
 */
import { createServer } from "http";
import { readFile } from "fs/promises";
import { join, normalize, sep } from "path";

const HOST = "127.0.0.1";
const PORT = Number(process.env.PORT ?? 8181);
const here = __dirname;
const dist = join(here, "dist");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** Only index.html and files under dist/; anything else (or any path escaping dist/) is a 404. */
function resolve(urlPath: string): string | null {
  if (urlPath === "/" || urlPath === "/index.html") return join(here, "index.html");
  if (!urlPath.startsWith("/dist/")) return null;
  const file = normalize(join(dist, decodeURIComponent(urlPath.slice("/dist/".length))));
  return file.startsWith(dist + sep) ? file : null;
}

const server = createServer((request, response) => {
  const path = new URL(request.url ?? "/", `http://${HOST}`).pathname;
  const file = resolve(path);
  const notFound = () => {
    response.writeHead(404, { "content-type": "text/plain" });
    response.end("Not found\n");
  };
  if (!file || (request.method !== "GET" && request.method !== "HEAD")) return notFound();
  readFile(file).then(
    (body) => {
      const ext = file.slice(file.lastIndexOf("."));
      response.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": "no-store" });
      response.end(request.method === "HEAD" ? undefined : body);
    },
    notFound,
  );
});

server.listen(PORT, HOST, () => {
  console.log(`Playground: http://${HOST}:${PORT}/  (options: ?lang=1048 ?width=280 ?theme=dark ?user=admin|seller ?now=ISO)`);
});
