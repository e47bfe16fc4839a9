/**
 * Facts about this library that the controls need at run time, read from pcf.config.json at build
 * time (webpack keeps only the fields used here).
 */
import config from "../pcf.config.json";

/** Keys the page-wide cache, so two versions of the library on one page never share results. */
export const LIBRARY_VERSION: string = config.version;

/** The environment variable (schema name) that holds the settings JSON. */
export const SETTINGS_VARIABLE: string = `${config.publisher.prefix}_RelationshipIntelligenceSettings`;
