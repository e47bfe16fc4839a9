import type { RecordType } from "../model";
import { attribute, condition, conditionIn, entity, fetchElement, filter, link, toFetchQuery, type Column } from "./fetchXml";
import type { FetchQuery } from "./fetchQuery";
import { PARTY_TYPE } from "./scope";
import { assertGuids, assertRecordType } from "./validate";

export const PRIMARY_KEY: Record<RecordType, Column> = { lead: "leadid", contact: "contactid", account: "accountid", opportunity: "opportunityid" };

/** Aliases of the links whose columns come back as "<alias>.<column>". */
export const RECORD_LINKS = { connection: "connected", account: "customeraccount" } as const;

const ACTIVE_CONNECTION = 0;

/** Connections from the record to contacts (stakeholders) and, for opportunities, to users (sales team). */
function connections(primaryKey: Column, targets: number[]) {
  return link(
    { name: "connection", from: "record1id", to: primaryKey, alias: RECORD_LINKS.connection, type: "outer" },
    attribute("record2id"),
    attribute("record2objecttypecode"),
    filter("and", condition("statecode", "eq", ACTIVE_CONNECTION), conditionIn("record2objecttypecode", targets)),
  );
}

/**
 * What the analytics need to know about records before counting their activities, in one read: state
 * and age (Not applicable, Not enough info) and the people who stand for each record (domain.md,
 * "People counted"): a lead's owner and stakeholders; an opportunity's owner, sales team, contact,
 * stakeholders and its account's primary contact; an account's primary contact. Stakeholders and the
 * sales team are the record's active connections to contacts and users. Contacts and leads also bring
 * their account, for second-degree introductions. One row per connection.
 */
export function recordFactsQuery(type: RecordType, recordIds: readonly string[]): FetchQuery {
  const table = assertRecordType(type);
  const ids = assertGuids(recordIds, "record ids");
  const key = PRIMARY_KEY[table];
  const own = [attribute(key), attribute("statecode"), attribute("createdon")];
  const byId = filter("and", ids.length === 1 ? condition(key, "eq", ids[0]) : conditionIn(key, ids));
  const children = {
    contact: [...own, attribute("parentcustomerid"), byId],
    account: [...own, attribute("primarycontactid"), byId],
    lead: [...own, attribute("ownerid"), attribute("parentaccountid"), connections(key, [PARTY_TYPE.contact]), byId],
    opportunity: [
      ...own,
      attribute("ownerid"),
      attribute("parentcontactid"),
      attribute("estimatedclosedate"),
      attribute("estimatedvalue"),
      link({ name: "account", from: "accountid", to: "parentaccountid", alias: RECORD_LINKS.account, type: "outer" }, attribute("primarycontactid")),
      connections(key, [PARTY_TYPE.contact, PARTY_TYPE.systemuser]),
      byId,
    ],
  }[table];
  return toFetchQuery(table, fetchElement({}, entity(table, ...children)));
}
