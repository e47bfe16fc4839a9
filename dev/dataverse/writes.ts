/**
 * Turns Web API create/update bodies into store values. A lookup is set only through a declared
 * single-valued navigation property (`regardingobjectid_contact_email@odata.bind: "/contacts(<id>)"`),
 * an activity's parties only through its declared `<activity>_activity_parties` collection; any
 * other key must be a published column. Undeclared names are refused as Dataverse refuses them.
 */

import { DataverseStore } from "./store";
import { TableDef, hasColumn, standInError, tableByEntitySet, tableDef } from "./schema";
import { normalizeGuid } from "./values";
import { ERROR_CODES, notFoundFault, refuse, undeclaredNavigationFault, undeclaredPropertyFault } from "./faults";

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
    } else if (table.collection[key] === "activityparty") {
      if (!Array.isArray(value)) throw standInError(`${key} must be an array`);
      parties = value.map((party) => partyValues(store, party as Record<string, unknown>));
    } else if (key in table.collection || table.single.has(key)) {
      throw standInError(`deep insert through ${key}`);
    } else {
      if (!hasColumn(table, key)) refuse(undeclaredPropertyFault(table.entitySet, table.name, key));
      const kind = table.columns[key].kind;
      if (kind === "lookup") {
        refuse({
          errorCode: ERROR_CODES.badPayload,
          message: "CRM do not support direct update of Entity Reference properties, Use Navigation properties instead.",
        });
      }
      if (kind === "typecode") throw standInError(`${key} follows its lookup's @odata.bind`);
      values[key] = value;
    }
  }
  return { values, parties };
}

function bindLookup(store: DataverseStore, table: TableDef, navigation: string, reference: unknown): Record<string, unknown> {
  const nav = table.single.get(navigation);
  if (!nav) refuse(undeclaredNavigationFault(table.entitySet, navigation));
  const match = /^\/?([a-z_]+)\(([^)]+)\)$/i.exec(String(reference));
  if (!match) throw standInError(`'${String(reference)}' is not an entity reference like /contacts(<id>)`);
  const target = tableByEntitySet(match[1]);
  if (!target) throw standInError(`unknown entity set '${match[1]}'`);
  if (!nav.targets.includes(target.name)) throw standInError(`${navigation} cannot point at ${target.name}`);
  const id = normalizeGuid(match[2]);
  if (!store.get(target.name, id)) refuse(notFoundFault(target.name, id));
  const column = table.columns[nav.column];
  return column.typeColumn ? { [nav.column]: id, [column.typeColumn]: target.name } : { [nav.column]: id };
}

function partyValues(store: DataverseStore, party: Record<string, unknown>): PartyValues {
  const def = tableDef("activityparty");
  let bound: Record<string, unknown> | null = null;
  let mask: number | null = null;
  for (const [key, value] of Object.entries(party)) {
    if (key === "participationtypemask") mask = Number(value);
    else if (key.endsWith(BIND)) bound = bindLookup(store, def, key.slice(0, -BIND.length), value);
    else if (!hasColumn(def, key)) refuse(undeclaredPropertyFault(def.entitySet, def.name, key));
    else throw standInError(`unsupported activity party property ${key}`);
  }
  if (!bound || bound.partyid === undefined || mask === null || !Number.isInteger(mask)) {
    throw standInError("an activity party needs partyid_<table>@odata.bind and participationtypemask");
  }
  return {
    partyid: bound.partyid as string,
    partyobjecttypecode: bound.partyobjecttypecode as string,
    participationtypemask: mask,
  };
}
