/**
 * The stand-in's schema, derived from Microsoft's published table facts (reference/): a table has
 * exactly its published columns and navigation properties, so a query or write naming anything
 * else is refused the way Dataverse refuses it. Column kinds decide how values are stored,
 * compared and returned.
 */

import { ColumnFact, TABLE_FACTS, TableFact, UNVERIFIED, columnFact } from "./reference";

export type ColumnKind =
  | "id" // the table's primary key
  | "guid" // a plain uniqueidentifier (intersect tables, seriesid, ...)
  | "lookup"
  | "string"
  | "int"
  | "number" // decimal, double, money
  | "option" // picklist, state and status values
  | "bool"
  | "date"
  | "typecode" // the target table of a polymorphic lookup; compares with object type codes
  | "activitytype" // activitytypecode
  | "opaque"; // party lists, files, images: published, but the stand-in cannot evaluate them

export interface ColumnDef {
  kind: ColumnKind;
  /** IsValidForRead. */
  readable: boolean;
  /** Lookups: the tables the value may point at. */
  targets?: readonly string[];
  /** Polymorphic lookups: the column that holds the target table. */
  typeColumn?: string;
  /** typecode columns that are choice columns (connection.record1objecttypecode) answer numbers. */
  codeAsNumber?: boolean;
  /** Booleans: labels for false and true. */
  labels?: readonly [string, string];
  /** Choice columns: the published values. */
  options?: ReadonlySet<number>;
  /** statuscode -> statecode. */
  states?: Readonly<Record<number, number>>;
  /** Kept in a hash index (lookups and GUIDs are, like foreign keys). */
  indexed: boolean;
}

export interface Navigation {
  column: string;
  targets: readonly string[];
}

export interface TableDef {
  name: string;
  primaryKey: string;
  entitySet: string;
  /** Name used in privilege names: prvRead<schemaName>. */
  schemaName: string;
  columns: Readonly<Record<string, ColumnDef>>;
  /** Single-valued navigation properties by exact (case-sensitive) name. */
  single: ReadonlyMap<string, Navigation>;
  /** Names accepted without a published spelling (old-format pages print none): listed in dev/README.md. */
  unverifiedSingle: ReadonlySet<string>;
  collection: Readonly<Record<string, string>>;
  /** Activities (email, appointment, ...) store their rows in activitypointer. */
  viewOf?: { table: string; activityType: string };
}

export const ACTIVITY_TYPES = ["email", "appointment", "phonecall", "task", "recurringappointmentmaster"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Object type codes Dataverse uses in typecode conditions; the store keeps table names. */
export const OBJECT_TYPE_CODES: Readonly<Record<string, number>> = {
  account: 1,
  contact: 2,
  opportunity: 3,
  lead: 4,
  systemuser: 8,
  team: 9,
  activitypointer: 4200,
  appointment: 4201,
  email: 4202,
  phonecall: 4210,
  task: 4212,
  recurringappointmentmaster: 4251,
};

/** Privilege names use the schema name; the user table's is "User". */
const SCHEMA_NAMES: Readonly<Record<string, string>> = {
  activitypointer: "ActivityPointer",
  activityparty: "ActivityParty",
  email: "Email",
  appointment: "Appointment",
  phonecall: "PhoneCall",
  task: "Task",
  contact: "Contact",
  account: "Account",
  lead: "Lead",
  opportunity: "Opportunity",
  systemuser: "User",
  role: "Role",
  systemuserroles: "SystemUserRoles",
  team: "Team",
  teammembership: "TeamMembership",
  teamroles: "TeamRoles",
  connection: "Connection",
  connectionrole: "ConnectionRole",
  businessunit: "BusinessUnit",
  environmentvariabledefinition: "EnvironmentVariableDefinition",
  environmentvariablevalue: "EnvironmentVariableValue",
  template: "Template",
};

const ACTIVITY_VIEWS = new Set<string>(["email", "appointment", "phonecall", "task"]);

function typeColumnOf(name: string, facts: TableFact): string | undefined {
  const base = name.replace(/id$/, "");
  return [`${name}type`, `${base}typecode`, `${base}objecttypecode`].find((candidate) => {
    const raw = facts.columns[candidate];
    if (raw === undefined) return false;
    const type = columnFact(raw).type;
    return type === "EntityName" || type === "Picklist";
  });
}

function kindOf(table: string, name: string, fact: ColumnFact, facts: TableFact, typeColumns: Set<string>): ColumnKind {
  switch (fact.type) {
    case "Uniqueidentifier":
      return name === facts.primaryId ? "id" : "guid";
    case "Lookup":
    case "Owner":
    case "Customer":
      return "lookup";
    case "String":
    case "Memo":
      return "string";
    case "Integer":
    case "BigInt":
      return "int";
    case "Decimal":
    case "Double":
    case "Money":
      return "number";
    case "Picklist":
      return typeColumns.has(name) ? "typecode" : "option";
    case "State":
    case "Status":
      return "option";
    case "Boolean":
      return "bool";
    case "DateTime":
      return "date";
    case "EntityName":
      if (name === "activitytypecode" && (table === "activitypointer" || ACTIVITY_VIEWS.has(table))) return "activitytype";
      return typeColumns.has(name) ? "typecode" : "string";
    default:
      return "opaque";
  }
}

function buildColumns(name: string, facts: TableFact): Record<string, ColumnDef> {
  const typeColumns = new Set<string>();
  const lookupTypes = new Map<string, string>();
  for (const [column, raw] of Object.entries(facts.columns)) {
    const type = columnFact(raw).type;
    if (type !== "Lookup" && type !== "Owner" && type !== "Customer") continue;
    const typeColumn = typeColumnOf(column, facts);
    if (typeColumn) {
      typeColumns.add(typeColumn);
      lookupTypes.set(column, typeColumn);
    }
  }
  const columns: Record<string, ColumnDef> = {};
  for (const [column, raw] of Object.entries(facts.columns)) {
    const fact = columnFact(raw);
    const kind = kindOf(name, column, fact, facts, typeColumns);
    const extraTargets = UNVERIFIED.targets[name]?.[column] ?? [];
    const extraOptions = UNVERIFIED.options[name]?.[column] ?? [];
    const owner = fact.type === "Owner" ? ["systemuser", "team"] : [];
    const def: ColumnDef = {
      kind,
      readable: fact.read !== false,
      indexed: kind === "lookup" || kind === "guid" || kind === "activitytype",
    };
    if (kind === "lookup") def.targets = [...new Set([...(fact.targets ?? owner), ...extraTargets])];
    const typeColumn = lookupTypes.get(column);
    if (kind === "lookup" && typeColumn) def.typeColumn = typeColumn;
    if (kind === "typecode" && fact.type === "Picklist") def.codeAsNumber = true;
    if (fact.labels) def.labels = fact.labels;
    if (fact.options) def.options = new Set([...fact.options, ...extraOptions]);
    if (fact.states) {
      const states = Object.fromEntries(Object.entries(fact.states).map(([status, state]) => [Number(status), state]));
      def.states = states;
      def.options = new Set(Object.keys(states).map(Number));
    }
    columns[column] = def;
  }
  return columns;
}

/** Lookup column a navigation name belongs to: the longest column it spells out (EnvironmentVariableDefinitionId, regardingobjectid_contact_email). */
function navigationColumn(navigation: string, columns: Record<string, ColumnDef>): string | undefined {
  const lower = navigation.toLowerCase();
  return Object.keys(columns)
    .filter((column) => columns[column].kind === "lookup" && (lower === column || lower.startsWith(`${column}_`)))
    .sort((a, b) => b.length - a.length)[0];
}

function buildNavigation(name: string, facts: TableFact, columns: Record<string, ColumnDef>): { single: Map<string, Navigation>; unverified: Set<string> } {
  const single = new Map<string, Navigation>();
  const unverified = new Set<string>();
  for (const [navigation, target] of Object.entries(facts.single)) {
    const column = navigationColumn(navigation, columns);
    if (!column) continue;
    const targets = target === "owner" ? ["systemuser", "team"] : Array.isArray(target) ? target : [target];
    single.set(navigation, { column, targets });
  }
  const plausible = (navigation: string, column: string, targets: readonly string[]): void => {
    if (single.has(navigation)) return;
    single.set(navigation, { column, targets });
    unverified.add(navigation);
  };
  for (const [column, def] of Object.entries(columns)) {
    if (def.kind !== "lookup") continue;
    const extra = new Set(UNVERIFIED.targets[name]?.[column] ?? []);
    for (const target of def.targets ?? []) {
      // Old pages print no navigation names: accept how Dataverse and the Dynamics 365 pages spell them.
      if (facts.page !== "old" && !extra.has(target)) continue;
      plausible(`${column}_${target}`, column, [target]);
      plausible(`${column}_${target}_${name}`, column, [target]);
    }
    if (facts.page === "old" && def.targets?.length === 1) plausible(column, column, def.targets);
  }
  return { single, unverified };
}

function buildTable(name: string, facts: TableFact): TableDef {
  const columns = buildColumns(name, facts);
  const { single, unverified } = buildNavigation(name, facts, columns);
  return {
    name,
    primaryKey: facts.primaryId,
    entitySet: facts.entitySet,
    schemaName: SCHEMA_NAMES[name] ?? name,
    columns,
    single,
    unverifiedSingle: unverified,
    collection: facts.collection,
    ...(ACTIVITY_VIEWS.has(name) ? { viewOf: { table: "activitypointer", activityType: name } } : {}),
  };
}

export const TABLES: ReadonlyMap<string, TableDef> = new Map(
  Object.entries(TABLE_FACTS).map(([name, facts]) => [name, buildTable(name, facts)]),
);

/** Errors the stand-in raises about its own limits, never about what Dataverse would refuse. */
export function standInError(what: string): Error {
  return new Error(`Stand-in: ${what}`);
}

export function tableDef(name: string): TableDef {
  const def = TABLES.get(name);
  if (!def) throw standInError(`unknown table '${name}'`);
  return def;
}

export function hasColumn(table: TableDef, column: string): boolean {
  return Object.prototype.hasOwnProperty.call(table.columns, column);
}

export function tableByEntitySet(entitySet: string): TableDef | undefined {
  for (const def of TABLES.values()) if (def.entitySet === entitySet) return def;
  return undefined;
}

/** Where a table's rows live: activities store theirs in activitypointer. */
export function storageTable(def: TableDef): string {
  return def.viewOf ? def.viewOf.table : def.name;
}

/** Columns a stored row may hold: an activity's own plus activitypointer's, since both are one record. */
export function storedColumn(def: TableDef, column: string): ColumnDef | undefined {
  if (hasColumn(def, column)) return def.columns[column];
  if (def.viewOf) {
    const pointer = tableDef(def.viewOf.table);
    if (hasColumn(pointer, column)) return pointer.columns[column];
  }
  return undefined;
}
