/**
 * Turns Web API create/update bodies into store values: `<nav>@odata.bind: "/<set>(<id>)"` sets a
 * lookup (e.g. `regardingobjectid_contact@odata.bind`), and `<activity>_activity_parties` carries
 * the parties of a new activity. Unknown keys throw.
 */

import { DataverseStore } from "./store";
import { TableDef, columnDef, tableByEntitySet, tableDef } from "./schema";
import { normalizeGuid } from "./values";
import { FaultSignal, notFoundFault } from "./faults";

export interface PartyValues {
  partyid: string;
  partyobjecttypecode: string;
  participationtypemask: number;
}

export interface WriteValues {
  values: Record<string, unknown>;
  parties: PartyValues[] | null;
}

const BIND = "@odata.bind";

export function writeValues(store: DataverseStore, table: TableDef, data: Record<string, unknown>): WriteValues {
  const values: Record<string, unknown> = {};
  let parties: PartyValues[] | null = null;
  for (const [key, value] of Object.entries(data)) {
    if (key.endsWith(BIND)) {
      Object.assign(values, bindLookup(store, table, key.slice(0, -BIND.length), value));
    } else if (table.primaryKey === "activityid" && key === `${table.name}_activity_parties`) {
      if (!Array.isArray(value)) throw new Error(`Stand-in: ${key} must be an array`);
      parties = value.map((party) => partyValues(store, party as Record<string, unknown>));
    } else {
      const column = columnDef(table, key);
      if (column.kind === "lookup" || column.kind === "typecode") {
        throw new Error(`Stand-in: set ${key} through ${key}@odata.bind`);
      }
      values[key] = value;
    }
  }
  return { values, parties };
}

function bindLookup(store: DataverseStore, table: TableDef, navigation: string, reference: unknown): Record<string, unknown> {
  const nav = navigation.toLowerCase();
  const name = Object.keys(table.columns).find(
    (column) => table.columns[column].kind === "lookup" && (nav === column || nav.startsWith(`${column}_`)),
  );
  if (!name) throw new Error(`Stand-in: ${table.name} has no navigation property ${navigation}`);
  const match = /^\/?([a-z]+)\(([^)]+)\)$/i.exec(String(reference));
  if (!match) throw new Error(`Stand-in: '${String(reference)}' is not an entity reference like /contacts(<id>)`);
  const target = tableByEntitySet(match[1]);
  const id = normalizeGuid(match[2]);
  const column = columnDef(table, name);
  const suffix = nav.slice(name.length + 1);
  if (!(column.targets ?? []).includes(target.name) || (suffix !== "" && suffix !== target.name)) {
    throw new Error(`Stand-in: ${navigation} cannot point at ${target.name}`);
  }
  if (!store.get(target.name, id)) throw new FaultSignal(notFoundFault(target.name, id));
  return column.typeColumn ? { [name]: id, [column.typeColumn]: target.name } : { [name]: id };
}

function partyValues(store: DataverseStore, party: Record<string, unknown>): PartyValues {
  let bound: Record<string, unknown> | null = null;
  let mask: number | null = null;
  for (const [key, value] of Object.entries(party)) {
    if (key === "participationtypemask") mask = Number(value);
    else if (key.startsWith("partyid_") && key.endsWith(BIND)) {
      bound = bindLookup(store, tableDef("activityparty"), key.slice(0, -BIND.length), value);
    } else throw new Error(`Stand-in: unsupported activity party property ${key}`);
  }
  if (!bound || mask === null || !Number.isInteger(mask)) {
    throw new Error("Stand-in: an activity party needs partyid_<table>@odata.bind and participationtypemask");
  }
  return {
    partyid: bound.partyid as string,
    partyobjecttypecode: bound.partyobjecttypecode as string,
    participationtypemask: mask,
  };
}
