import { attribute, conditionIn, condition, entity, fetchElement, filter, order, toFetchQuery } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { assertGuids } from "./validate";

/**
 * The security roles of the root business unit, for the admin's choice of whose mailbox data may
 * be used. Dataverse copies every role into each business unit; the copies point back to the root
 * role (parentrootroleid), so choosing the root role covers users in every business unit.
 */
export function rolesQuery(): FetchQuery {
  return toFetchQuery(
    "role",
    fetchElement(
      {},
      entity(
        "role",
        attribute("roleid"),
        attribute("name"),
        attribute("roletemplateid"),
        filter("and", condition("parentroleid", "null")),
        order({ attribute: "name" }),
      ),
    ),
  );
}

/** The given roles (e.g. the signed-in user's, in whatever business unit) with their template ids. */
export function rolesByIdQuery(roleIds: readonly string[]): FetchQuery {
  const ids = assertGuids(roleIds, "role ids");
  return toFetchQuery(
    "role",
    fetchElement({}, entity("role", attribute("roleid"), attribute("name"), attribute("roletemplateid"), filter("and", conditionIn("roleid", ids)))),
  );
}
