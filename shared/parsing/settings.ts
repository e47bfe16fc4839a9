import type { SecurityRole } from "../model";
import { SETTINGS_VALUE_LINK } from "../queries/settings";
import { parseRows, type Parsed } from "./rows";

/** The settings environment variable as stored: what the settings layer reads and saves against. */
export interface SettingsRecord {
  definitionId: string;
  /** Null when no value was ever set in this environment. */
  valueId: string | null;
  value: string | null;
  defaultValue: string | null;
  /** When the value last changed: a save compares it to detect a concurrent change. */
  modifiedOn: Date | null;
}

const valueKey = (column: string) => `${SETTINGS_VALUE_LINK}.${column}`;

/** Rows of settingsDefinitionQuery. */
export function parseSettingsRecords(entities: readonly unknown[]): Parsed<SettingsRecord> {
  return parseRows(entities, (row) => {
    const valueId = row.optionalGuid(valueKey("environmentvariablevalueid"));
    const value = row.optionalString(valueKey("value"));
    const modifiedOn = row.optionalDate(valueKey("modifiedon"));
    // A value without its id could not be saved back safely.
    if (valueId === null && (value !== null || modifiedOn !== null)) row.reject("environmentvariablevalueid");
    return {
      definitionId: row.guid("environmentvariabledefinitionid"),
      valueId,
      value,
      defaultValue: row.optionalString("defaultvalue"),
      modifiedOn,
    };
  });
}

/** Rows of rolesQuery. The template id is a lookup, so it comes back as _roletemplateid_value. */
export function parseRoles(entities: readonly unknown[]): Parsed<SecurityRole> {
  return parseRows(entities, (row) => ({
    id: row.guid("roleid"),
    name: row.string("name"),
    templateId: row.optionalGuid("_roletemplateid_value"),
  }));
}

export interface EmailTemplate {
  id: string;
  title: string;
  /** The table the template is for ("systemuser" for global templates). */
  typeCode: string;
}

/** Rows of emailTemplatesQuery. */
export function parseEmailTemplates(entities: readonly unknown[]): Parsed<EmailTemplate> {
  return parseRows(entities, (row) => ({
    id: row.guid("templateid"),
    title: row.string("title"),
    typeCode: row.string("templatetypecode"),
  }));
}
