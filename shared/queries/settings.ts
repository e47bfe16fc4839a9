import { attribute, condition, entity, fetchElement, filter, link, order, toFetchQuery } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { assertSchemaName } from "./validate";

/** Alias of the value link; its columns come back as "<alias>.<column>". */
export const SETTINGS_VALUE_LINK = "settingvalue";

/**
 * The environment variable that stores the product's settings: its definition (default value)
 * and its current value, if any, with the value's id and modifiedon so a save can detect that
 * someone else changed it in between.
 */
export function settingsDefinitionQuery(schemaName: string): FetchQuery {
  const name = assertSchemaName(schemaName);
  return toFetchQuery(
    "environmentvariabledefinition",
    fetchElement(
      {},
      entity(
        "environmentvariabledefinition",
        attribute("environmentvariabledefinitionid"),
        attribute("defaultvalue"),
        link(
          {
            name: "environmentvariablevalue",
            from: "environmentvariabledefinitionid",
            to: "environmentvariabledefinitionid",
            alias: SETTINGS_VALUE_LINK,
            type: "outer",
          },
          attribute("environmentvariablevalueid"),
          attribute("value"),
          attribute("modifiedon"),
        ),
        filter("and", condition("schemaname", "eq", name)),
      ),
    ),
  );
}

/** Email templates the admin can pick for "request an introduction": ids and titles only. */
export function emailTemplatesQuery(): FetchQuery {
  return toFetchQuery(
    "template",
    fetchElement(
      {},
      entity("template", attribute("templateid"), attribute("title"), attribute("templatetypecode"), order({ attribute: "title" })),
    ),
  );
}
