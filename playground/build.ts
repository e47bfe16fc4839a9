/**
 * Bundles the dev-only playground into playground/dist/ (React and Fluent bundled in; .resx as text).
 *   npx tsx playground/build.ts           build once
 *   npx tsx playground/build.ts --watch   rebuild on change
 */
import { build, context, type BuildOptions } from "esbuild";
import { join } from "path";

const here = __dirname;

const options: BuildOptions = {
  entryPoints: [join(here, "main.tsx")],
  outdir: join(here, "dist"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: "es2020",
  sourcemap: true,
  loader: { ".resx": "text" },
  define: { "process.env.NODE_ENV": '"development"' },
  logLevel: "info",
};

async function main(): Promise<void> {
  if (process.argv.includes("--watch")) {
    const ctx = await context(options);
    await ctx.watch();
    console.log("Watching playground/ sources; Ctrl+C to stop.");
    return;
  }
  const result = await build({ ...options, metafile: true });
  const outputs = Object.entries(result.metafile.outputs).map(([file, out]) => `${file} ${(out.bytes / 1024).toFixed(0)} KiB`);
  console.log(outputs.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
