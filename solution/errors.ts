/**
 * The two failures the build and packaging scripts expect: a bad pcf.config.json, and build output
 * that cannot become an importable solution. Both carry a single-line message the CLI prints as is.
 */

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackageError";
  }
}

/** Expected failures print their message only; anything else is a bug and keeps its stack. */
export function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof PackageError) return `error: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
