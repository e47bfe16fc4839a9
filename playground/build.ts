/**
 * Bundles the playground's host page (playground/host/main.ts: stand-in, seed, PCF context, the
 * switches) into playground/dist/host.js. The controls themselves are never bundled here: the page
 * loads the production builds from out/controls (npm run build).
 *   npx tsx playground/build.ts           build the host page once
 *   npx tsx playground/build.ts --watch   serve the playground, rebuild the host page on change and
 *                                         re-run the production build when components/ or shared/ change
 */
import { spawn } from "child_process";
import { watch } from "fs";
import { build, context, type BuildOptions } from "esbuild";
import { join } from "path";
import { startPlayground } from "./serve";

const here = __dirname;
const root = join(here, "..");

const options: BuildOptions = {
  entryPoints: { host: join(here, "host", "main.ts") },
  outdir: join(here, "dist"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  sourcemap: true,
  logLevel: "info",
};

/** One production build at a time; a change during a build asks for one more afterwards. */
function controlRebuilder(): () => void {
  let running = false;
  let again = false;
  const run = () => {
    running = true;
    again = false;
    console.log("Rebuilding the controls (npm run build)…");
    const child = spawn("npm", ["run", "build", "--silent"], { cwd: root, stdio: "inherit" });
    child.on("exit", (code) => {
      running = false;
      console.log(code === 0 ? "Controls rebuilt: reload the page." : `npm run build failed (exit ${code}).`);
      if (again) run();
    });
  };
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => (running ? (again = true) : run()), 300);
  };
}

async function main(): Promise<void> {
  if (!process.argv.includes("--watch")) {
    const result = await build({ ...options, metafile: true });
    const outputs = Object.entries(result.metafile.outputs).map(([file, out]) => `${file} ${(out.bytes / 1024).toFixed(0)} KiB`);
    console.log(outputs.join("\n"));
    return;
  }
  const ctx = await context(options);
  await ctx.watch();
  const rebuildControls = controlRebuilder();
  for (const folder of ["components", "shared"]) {
    watch(join(root, folder), { recursive: true }, (_event, file) => {
      if (file && !String(file).includes("generated")) rebuildControls();
    });
  }
  const { url } = await startPlayground(Number(process.env.PORT ?? 8181));
  console.log(`Playground: ${url}  (watching playground/, components/ and shared/; Ctrl+C to stop)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
