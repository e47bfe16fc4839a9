import { attribute, conditionIn, condition, entity, fetchElement, filter, order, toFetchQuery } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { assertGuid, assertGuids } from "./validate";

/** All security roles, for the admin's choice of whose mailbox data may be used. */
export function rolesQuery(): FetchQuery {
  return toFetchQuery(
    "role",
    fetchElement({}, entity("role", attribute("roleid"), attribute("name"), attribute("roletemplateid"), order({ attribute: "name" }))),
  );
}

/** The roles a user holds directly, e.g. to tell whether they are a System Administrator. */
export function userRoleIdsQuery(userId: string): FetchQuery {
  const id = assertGuid(userId, "user id");
  return toFetchQuery(
    "systemuserroles",
    fetchElement({}, entity("systemuserroles", attribute("roleid"), filter("and", condition("systemuserid", "eq", id)))),
  );
}

/** Users holding any of the selected roles: the owners whose mailbox activities may count. */
export function usersWithRolesQuery(roleIds: readonly string[]): FetchQuery {
  const ids = assertGuids(roleIds, "role ids");
  return toFetchQuery(
    "systemuserroles",
    fetchElement({ distinct: true }, entity("systemuserroles", attribute("systemuserid"), filter("and", conditionIn("roleid", ids)))),
  );
}
