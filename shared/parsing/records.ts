import type { RecordPeople, RecordType } from "../model";
import { PRIMARY_KEY, RECORD_LINKS } from "../queries/records";
import { PARTY_TYPE } from "../queries/scope";
import { parseRows, type Parsed, type RowReader } from "./rows";

/** One record as the analytics need it before counting: state, age, and who stands for it. */
export interface RecordFacts {
  id: string;
  statecode: number;
  createdOn: Date | null;
  people: RecordPeople;
  /** The account a contact works for (its company, when an account) or a lead's parent account. */
  accountId: string | null;
  /** Opportunities only. */
  estimatedCloseDate: Date | null;
  estimatedValue: number | null;
}

interface FactsRow {
  id: string;
  accountId: string | null;
  statecode: number;
  createdOn: Date | null;
  owner: string | null;
  fixedTheirs: (string | null)[];
  connected: { id: string; type: "contact" | "systemuser" | null } | null;
  estimatedCloseDate: Date | null;
  estimatedValue: number | null;
}

const connectionKey = (column: string) => `${RECORD_LINKS.connection}.${column}`;

const LOOKUP_TABLE = "@Microsoft.Dynamics.CRM.lookuplogicalname";

/** A contact's company counts unless the lookup says it is another contact (parentcustomerid may name either). */
function accountOf(type: RecordType, row: RowReader): string | null {
  if (type === "lead") return row.optionalGuid("_parentaccountid_value");
  if (type !== "contact") return null;
  const id = row.optionalGuid("_parentcustomerid_value");
  const table = row.optionalString(`_parentcustomerid_value${LOOKUP_TABLE}`);
  return id !== null && table !== "contact" ? id : null;
}

/** record2objecttypecode is a choice (2 contact, 8 user); some answers name the table instead. */
function connectedType(value: unknown): "contact" | "systemuser" | null {
  if (value === PARTY_TYPE.contact || value === "contact") return "contact";
  if (value === PARTY_TYPE.systemuser || value === "systemuser") return "systemuser";
  return null;
}

/**
 * Rows of recordFactsQuery (one per connection) folded into one RecordFacts per record. On our side a
 * lead counts its owner and an opportunity its owner and sales team; contacts and accounts any user.
 */
export function parseRecordFacts(type: RecordType, entities: readonly unknown[]): Parsed<RecordFacts> {
  const rows = parseRows<FactsRow>(entities, (row) => {
    const connectedId = row.optionalGuid(connectionKey("record2id"));
    return {
      id: row.guid(PRIMARY_KEY[type]),
      accountId: accountOf(type, row),
      statecode: row.number("statecode"),
      createdOn: row.optionalDate("createdon"),
      owner: type === "lead" || type === "opportunity" ? row.optionalGuid("_ownerid_value") : null,
      fixedTheirs:
        type === "opportunity"
          ? [row.optionalGuid("_parentcontactid_value"), row.optionalGuid(`${RECORD_LINKS.account}.primarycontactid`)]
          : type === "account"
            ? [row.optionalGuid("_primarycontactid_value")]
            : [],
      connected: connectedId === null ? null : { id: connectedId, type: connectedType(row.present(connectionKey("record2objecttypecode"))) },
      estimatedCloseDate: type === "opportunity" ? row.optionalDate("estimatedclosedate") : null,
      estimatedValue: type === "opportunity" ? row.optionalNumber("estimatedvalue") : null,
    };
  });
  const byId = new Map<string, { facts: RecordFacts; theirs: Set<string>; ours: Set<string> }>();
  for (const row of rows.items) {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = {
        facts: { ...row, people: { theirIds: [], ourIds: null } },
        theirs: new Set(row.fixedTheirs.filter((id): id is string => id !== null && id !== row.id)),
        ours: new Set(row.owner === null ? [] : [row.owner]),
      };
      byId.set(row.id, entry);
    }
    if (row.connected?.type === "contact") entry.theirs.add(row.connected.id);
    if (row.connected?.type === "systemuser" && type === "opportunity") entry.ours.add(row.connected.id);
  }
  const items = [...byId.values()].map(({ facts, theirs, ours }) => {
    const { id, accountId, statecode, createdOn, estimatedCloseDate, estimatedValue } = facts;
    const ourIds = type === "lead" || type === "opportunity" ? [...ours].sort() : null;
    return { id, accountId, statecode, createdOn, estimatedCloseDate, estimatedValue, people: { theirIds: [...theirs].sort(), ourIds } };
  });
  return { items, skipped: rows.skipped };
}
