/**
 * Microsoft's published table facts, as the stand-in needs them: entity set, primary id, every
 * published column (type, readability, choice values, status -> state, lookup targets) and the
 * single- and collection-valued navigation properties. `tables.json` was transcribed from the
 * entity reference pages listed in dev/README.md; `UNVERIFIED` below names what Dynamics 365 Sales
 * adds that those pages do not print, so a reader can tell fact from plausible guess.
 */

import published from "./tables.json";

export type ColumnType =
  | "BigInt"
  | "Boolean"
  | "Customer"
  | "DateTime"
  | "Decimal"
  | "Double"
  | "EntityName"
  | "File"
  | "Image"
  | "Integer"
  | "Lookup"
  | "ManagedProperty"
  | "Memo"
  | "Money"
  | "Owner"
  | "PartyList"
  | "Picklist"
  | "State"
  | "Status"
  | "String"
  | "Uniqueidentifier";

export interface ColumnFact {
  type: ColumnType;
  /** IsValidForRead; true unless the page says False. */
  read?: boolean;
  targets?: string[];
  /** Boolean columns: labels of 0 and 1. */
  labels?: [string, string];
  /** Picklist and State values. */
  options?: number[];
  /** Status columns: statuscode -> statecode. */
  states?: Record<string, number>;
}

export interface TableFact {
  entitySet: string;
  primaryId: string;
  /** "old" pages print many-to-one relationships without navigation property names. */
  page: "old" | "new" | "none";
  columns: Record<string, string | ColumnFact>;
  /** ReferencingEntityNavigationPropertyName -> referenced table(s). */
  single: Record<string, string | string[]>;
  /** ReferencedEntityNavigationPropertyName (and many-to-many names) -> related table. */
  collection: Record<string, string>;
}

interface Unverified {
  /** Lookup targets Dynamics 365 Sales adds (the Dataverse page lists fewer). */
  targets: Record<string, Record<string, string[]>>;
  /** Choice values Dynamics 365 Sales adds. */
  options: Record<string, Record<string, number[]>>;
  /** Tables with no reference page at all, described from the Dynamics 365 user documentation. */
  tables: Record<string, TableFact>;
}

/**
 * Not on the transcribed pages, but what an org with Dynamics 365 Sales has: activities regarding
 * leads and opportunities, connections to leads and opportunities (opportunity_connections1/2 and
 * lead_connections1/2 are published collection navigations), and connection roles with the
 * Stakeholder and Sales Team categories the opportunity form filters on.
 */
export const UNVERIFIED: Unverified = {
  targets: {
    activitypointer: { regardingobjectid: ["lead", "opportunity"] },
    appointment: { regardingobjectid: ["lead", "opportunity"] },
    phonecall: { regardingobjectid: ["lead", "opportunity"] },
    task: { regardingobjectid: ["lead", "opportunity"] },
    connection: { record1id: ["lead", "opportunity"], record2id: ["lead", "opportunity"] },
  },
  options: {
    connection: { record1objecttypecode: [3, 4], record2objecttypecode: [3, 4] },
  },
  tables: {
    connectionrole: {
      entitySet: "connectionroles",
      primaryId: "connectionroleid",
      page: "none",
      columns: {
        connectionroleid: "Uniqueidentifier",
        name: "String",
        // Business 1, Family 2, Social 3, Sales 4, Other 5, Stakeholder 1000, Sales Team 1001, Service 1002.
        category: { type: "Picklist", options: [1, 2, 3, 4, 5, 1000, 1001, 1002] },
        statecode: { type: "State", options: [0, 1] },
        createdon: "DateTime",
        modifiedon: "DateTime",
      },
      single: {},
      collection: {},
    },
  },
};

export const TABLE_FACTS: Readonly<Record<string, TableFact>> = {
  ...(published as unknown as Record<string, TableFact>),
  ...UNVERIFIED.tables,
};

export function columnFact(raw: string | ColumnFact): ColumnFact {
  return typeof raw === "string" ? { type: raw as ColumnType } : raw;
}
