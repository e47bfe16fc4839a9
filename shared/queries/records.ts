import { attribute, condition, entity, fetchElement, filter, order, toFetchQuery } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { assertGuid, MAX_IDS_PER_QUERY } from "./validate";

/**
 * The contacts of an account, which stand for the account in its activities (domain: "the
 * account's contacts on theirs"). Feed the ids to a query scope's relatedPartyIds. One query can
 * carry at most MAX_IDS_PER_QUERY ids, so the newest contacts are kept beyond that.
 */
export function accountContactIdsQuery(accountId: string): FetchQuery {
  const id = assertGuid(accountId, "account id");
  return toFetchQuery(
    "contact",
    fetchElement(
      { top: MAX_IDS_PER_QUERY },
      entity("contact", attribute("contactid"), filter("and", condition("parentcustomerid", "eq", id)), order({ attribute: "createdon" }, true)),
    ),
  );
}
