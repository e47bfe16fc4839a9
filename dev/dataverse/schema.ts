/**
 * The slice of the Dataverse schema the stand-in knows. Column kinds decide how values are stored,
 * compared and returned, so a typo in a query fails loudly instead of matching nothing.
 */

export type ColumnKind =
  | "id" // the table's primary key
  | "guid" // a plain uniqueidentifier (e.g. intersect tables, role template id)
  | "lookup"
  | "string"
  | "int"
  | "option" // option set value (statecode, participationtypemask, ...)
  | "bool"
  | "date"
  | "typecode" // holds a table name, compares with object type codes
  | "activitytype"; // activitytypecode: "email" | "appointment" | "phonecall" | "task"

export interface ColumnDef {
  kind: ColumnKind;
  /** Lookups: the tables the value may point at. */
  targets?: readonly string[];
  /** Polymorphic lookups: the column that holds the target table. */
  typeColumn?: string;
  /** Booleans: labels for false and true, when not No/Yes. */
  labels?: readonly [string, string];
  /** Kept in a hash index (every lookup is, like a foreign key). */
  indexed?: boolean;
}

export interface TableDef {
  name: string;
  primaryKey: string;
  entitySet: string;
  /** Name used in privilege names: prvRead<schemaName>. */
  schemaName: string;
  columns: Readonly<Record<string, ColumnDef>>;
  /** Views (email, phonecall, ...) are the activitypointer rows of one activity type. */
  viewOf?: { table: string; activityType: string };
}

export const ACTIVITY_TYPES = ["email", "appointment", "phonecall", "task"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Object type codes Dataverse uses in typecode conditions; the store keeps table names. */
export const OBJECT_TYPE_CODES: Readonly<Record<string, number>> = {
  account: 1,
  contact: 2,
  opportunity: 3,
  lead: 4,
  systemuser: 8,
  appointment: 4201,
  email: 4202,
  phonecall: 4210,
  task: 4212,
};

const audit: Record<string, ColumnDef> = {
  createdon: { kind: "date" },
  modifiedon: { kind: "date" },
};

const owned: Record<string, ColumnDef> = {
  ...audit,
  ownerid: { kind: "lookup", targets: ["systemuser"] },
  statecode: { kind: "option" },
};

const activityColumns: Record<string, ColumnDef> = {
  ...owned,
  activityid: { kind: "id" },
  activitytypecode: { kind: "activitytype", indexed: true },
  subject: { kind: "string" },
  // The body: written when drafting an introduction, never read by the data layer (metadata only).
  description: { kind: "string" },
  actualstart: { kind: "date" },
  actualend: { kind: "date" },
  scheduledstart: { kind: "date" },
  scheduledend: { kind: "date" },
  actualdurationminutes: { kind: "int" },
  regardingobjectid: {
    kind: "lookup",
    targets: ["contact", "lead", "account", "opportunity"],
    typeColumn: "regardingobjecttypecode",
  },
  regardingobjecttypecode: { kind: "typecode" },
  exchangeitemid: { kind: "string" },
  conversationindex: { kind: "string" },
  directioncode: { kind: "bool", labels: ["Incoming", "Outgoing"] },
};

function activityView(activityType: ActivityType, entitySet: string, schemaName: string): TableDef {
  return {
    name: activityType,
    primaryKey: "activityid",
    entitySet,
    schemaName,
    columns: activityColumns,
    viewOf: { table: "activitypointer", activityType },
  };
}

const tableList: TableDef[] = [
  {
    name: "activitypointer",
    primaryKey: "activityid",
    entitySet: "activitypointers",
    schemaName: "ActivityPointer",
    columns: activityColumns,
  },
  activityView("email", "emails", "Email"),
  activityView("appointment", "appointments", "Appointment"),
  activityView("phonecall", "phonecalls", "PhoneCall"),
  activityView("task", "tasks", "Task"),
  {
    name: "activityparty",
    primaryKey: "activitypartyid",
    entitySet: "activityparties",
    schemaName: "ActivityParty",
    columns: {
      activitypartyid: { kind: "id" },
      activityid: { kind: "lookup", targets: ["activitypointer"] },
      partyid: {
        kind: "lookup",
        targets: ["contact", "lead", "account", "systemuser"],
        typeColumn: "partyobjecttypecode",
      },
      partyobjecttypecode: { kind: "typecode" },
      participationtypemask: { kind: "option" },
    },
  },
  {
    name: "systemuser",
    primaryKey: "systemuserid",
    entitySet: "systemusers",
    schemaName: "User",
    columns: {
      ...audit,
      systemuserid: { kind: "id" },
      fullname: { kind: "string" },
      title: { kind: "string" },
      internalemailaddress: { kind: "string" },
      isdisabled: { kind: "bool" },
    },
  },
  {
    name: "role",
    primaryKey: "roleid",
    entitySet: "roles",
    schemaName: "Role",
    columns: {
      ...audit,
      roleid: { kind: "id" },
      name: { kind: "string" },
      // A lookup to roletemplate in Dataverse: the Web API returns it as _roletemplateid_value.
      roletemplateid: { kind: "lookup", targets: ["roletemplate"] },
      // Dataverse copies each role into every business unit: a copy points at its parent and at the root role.
      parentroleid: { kind: "lookup", targets: ["role"] },
      parentrootroleid: { kind: "lookup", targets: ["role"] },
    },
  },
  {
    name: "systemuserroles",
    primaryKey: "systemuserroleid",
    entitySet: "systemuserrolescollection",
    schemaName: "SystemUserRoles",
    columns: {
      systemuserroleid: { kind: "id" },
      systemuserid: { kind: "guid", indexed: true },
      roleid: { kind: "guid", indexed: true },
    },
  },
  {
    name: "contact",
    primaryKey: "contactid",
    entitySet: "contacts",
    schemaName: "Contact",
    columns: {
      ...owned,
      contactid: { kind: "id" },
      fullname: { kind: "string" },
      jobtitle: { kind: "string" },
      emailaddress1: { kind: "string" },
      parentcustomerid: { kind: "lookup", targets: ["account"] },
    },
  },
  {
    name: "lead",
    primaryKey: "leadid",
    entitySet: "leads",
    schemaName: "Lead",
    columns: {
      ...owned,
      leadid: { kind: "id" },
      fullname: { kind: "string" },
      companyname: { kind: "string" },
      emailaddress1: { kind: "string" },
    },
  },
  {
    name: "account",
    primaryKey: "accountid",
    entitySet: "accounts",
    schemaName: "Account",
    columns: {
      ...owned,
      accountid: { kind: "id" },
      name: { kind: "string" },
      primarycontactid: { kind: "lookup", targets: ["contact"] },
    },
  },
  {
    name: "opportunity",
    primaryKey: "opportunityid",
    entitySet: "opportunities",
    schemaName: "Opportunity",
    columns: {
      ...owned,
      opportunityid: { kind: "id" },
      name: { kind: "string" },
      parentaccountid: { kind: "lookup", targets: ["account"] },
      parentcontactid: { kind: "lookup", targets: ["contact"] },
    },
  },
  {
    name: "environmentvariabledefinition",
    primaryKey: "environmentvariabledefinitionid",
    entitySet: "environmentvariabledefinitions",
    schemaName: "EnvironmentVariableDefinition",
    columns: {
      ...audit,
      environmentvariabledefinitionid: { kind: "id" },
      schemaname: { kind: "string", indexed: true },
      displayname: { kind: "string" },
      defaultvalue: { kind: "string" },
      type: { kind: "option" },
    },
  },
  {
    name: "environmentvariablevalue",
    primaryKey: "environmentvariablevalueid",
    entitySet: "environmentvariablevalues",
    schemaName: "EnvironmentVariableValue",
    columns: {
      ...audit,
      environmentvariablevalueid: { kind: "id" },
      environmentvariabledefinitionid: { kind: "lookup", targets: ["environmentvariabledefinition"] },
      schemaname: { kind: "string" },
      value: { kind: "string" },
    },
  },
  {
    name: "template",
    primaryKey: "templateid",
    entitySet: "templates",
    schemaName: "Template",
    columns: {
      ...audit,
      templateid: { kind: "id" },
      title: { kind: "string" },
      templatetypecode: { kind: "string" },
      languagecode: { kind: "int" },
      subject: { kind: "string" },
    },
  },
];

export const TABLES: ReadonlyMap<string, TableDef> = new Map(tableList.map((t) => [t.name, t]));

export function tableDef(name: string): TableDef {
  const def = TABLES.get(name);
  if (!def) throw new Error(`Stand-in: unknown table '${name}'`);
  return def;
}

export function columnDef(table: TableDef, column: string): ColumnDef {
  const def = table.columns[column];
  if (!def) throw new Error(`Stand-in: '${column}' is not a column of table '${table.name}'`);
  return def;
}

export function tableByEntitySet(entitySet: string): TableDef {
  for (const def of TABLES.values()) if (def.entitySet === entitySet) return def;
  throw new Error(`Stand-in: unknown entity set '${entitySet}'`);
}

/** Where a table's rows live: views store theirs in activitypointer. */
export function storageTable(def: TableDef): string {
  return def.viewOf ? def.viewOf.table : def.name;
}
