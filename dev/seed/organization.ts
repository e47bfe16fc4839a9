/**
 * A believable sales organization: users with titles and security roles, accounts with their
 * contacts, leads and opportunities. All names are invented; email domains use the reserved
 * `.example` top-level domain.
 */

import { SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID } from "../../shared/model";
import { DataverseStore } from "../dataverse/store";
import { Prng } from "./prng";

export type RoleKey = "systemAdministrator" | "salesManager" | "salesperson" | "customerServiceRep";

export interface SeededUser {
  id: string;
  fullName: string;
  title: string;
  email: string;
  roles: RoleKey[];
  disabled: boolean;
}

export interface SeededAccount {
  id: string;
  name: string;
  ownerId: string;
  contactIds: string[];
}

export interface SeededContact {
  id: string;
  accountId: string;
  ownerId: string;
}

export interface Organization {
  roles: Record<RoleKey, string>;
  users: SeededUser[];
  /** Enabled users who sell: owners of accounts, leads and opportunities. */
  sellers: SeededUser[];
  accounts: SeededAccount[];
  contacts: SeededContact[];
  leadIds: string[];
  opportunityIds: string[];
}

const ROLE_NAMES: Record<RoleKey, string> = {
  systemAdministrator: "System Administrator",
  salesManager: "Sales Manager",
  salesperson: "Salesperson",
  customerServiceRep: "Customer Service Representative",
};

const USERS: [string, string, RoleKey[], boolean?][] = [
  ["Dana Whitfield", "IT Administrator", ["systemAdministrator"]],
  ["Marcus Lindqvist", "Sales Director", ["salesManager", "systemAdministrator"]],
  ["Priya Raman", "Sales Manager", ["salesManager"]],
  ["Tomas Herrera", "Account Executive", ["salesperson"]],
  ["Elena Popescu", "Account Executive", ["salesperson"]],
  ["Jonah Okafor", "Senior Account Executive", ["salesperson"]],
  ["Sofia Brandt", "Inside Sales Representative", ["salesperson"]],
  ["Kenji Watanabe", "Account Executive", ["salesperson"]],
  ["Amara Diallo", "Customer Service Representative", ["customerServiceRep"]],
  ["Lucas Moreau", "Customer Service Representative", ["customerServiceRep"]],
  ["Hannah Kowalski", "Business Development Representative", ["salesperson"]],
  ["Victor Ionescu", "Account Executive", ["salesperson"], true],
];

/** Users of the child business unit: they hold its copies of their roles. */
const BRANCH_USERS = new Set(["Kenji Watanabe", "Hannah Kowalski"]);

const ACCOUNTS = [
  "Northwind Traders",
  "Fabrikam",
  "Adventure Works",
  "Litware",
  "Tailspin Toys",
  "Wide World Importers",
  "Proseware",
  "Alpine Ski House",
  "Coho Winery",
  "Fourth Coffee",
  "Lucerne Publishing",
  "Trey Research",
  "Woodgrove Bank",
  "Blue Yonder Airlines",
];

const LEAD_COMPANIES = ["Contoso Pharma", "Graphic Design Institute", "Humongous Insurance", "VanArsdel", "Relecloud", "Munson's Pickles", "Bellows College", "Wingtip Toys"];

const FIRST_NAMES = ["Ana", "Ben", "Clara", "David", "Eva", "Felix", "Grace", "Hugo", "Iris", "Jakob", "Kira", "Liam", "Maya", "Noah", "Olga", "Pavel", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wen", "Yara", "Zoltan"];
const LAST_NAMES = ["Abbott", "Barros", "Chen", "Dumitru", "Eklund", "Farouk", "Gallo", "Horvat", "Ibsen", "Jensen", "Kaur", "Larsen", "Moretti", "Nakamura", "Oduya", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka", "Varga", "Weber", "Yilmaz", "Zimmer"];

const DAY = 86_400_000;

export function emailOf(fullName: string, domain: string): string {
  return `${fullName.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`;
}

export function domainOf(company: string): string {
  return `${company.toLowerCase().replace(/[^a-z]+/g, "")}.example`;
}

export function personName(rng: Prng): string {
  return `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
}

export function seedOrganizationRecords(store: DataverseStore, rng: Prng, now: Date): Organization {
  const longAgo = (minDays: number, maxDays: number): Date => new Date(now.getTime() - rng.int(minDays, maxDays) * DAY);

  const roles = {} as Record<RoleKey, string>;
  for (const key of Object.keys(ROLE_NAMES) as RoleKey[]) {
    const roleid = rng.guid();
    roles[key] = store.insert("role", {
      roleid,
      name: ROLE_NAMES[key],
      roletemplateid: key === "systemAdministrator" ? SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID : null,
      parentroleid: null,
      parentrootroleid: roleid,
      createdon: longAgo(1500, 1600),
    });
  }
  // The copies a child business unit ("EMEA sales") gets of every role. Their ids derive from the
  // root ids rather than the generator, so adding them leaves every other seeded value as it was.
  const branchRoles = {} as Record<RoleKey, string>;
  for (const key of Object.keys(ROLE_NAMES) as RoleKey[]) {
    branchRoles[key] = store.insert("role", {
      roleid: `${roles[key].slice(0, 24)}b0000000b${roles[key].slice(33)}`,
      name: ROLE_NAMES[key],
      roletemplateid: key === "systemAdministrator" ? SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID : null,
      parentroleid: roles[key],
      parentrootroleid: roles[key],
      createdon: longAgo(1500, 1600),
    });
  }

  const users = USERS.map(([fullName, title, roleKeys, disabled]): SeededUser => {
    const email = emailOf(fullName, "contoso.example");
    const id = store.insert("systemuser", {
      systemuserid: rng.guid(),
      fullname: fullName,
      title,
      internalemailaddress: email,
      isdisabled: disabled === true,
      createdon: longAgo(900, 1400),
    });
    const held = BRANCH_USERS.has(fullName) ? branchRoles : roles;
    for (const key of roleKeys) {
      store.insert("systemuserroles", { systemuserroleid: rng.guid(), systemuserid: id, roleid: held[key] });
    }
    return { id, fullName, title, email, roles: roleKeys, disabled: disabled === true };
  });
  const sellers = users.filter((u) => !u.disabled && (u.roles.includes("salesperson") || u.roles.includes("salesManager")));

  const contacts: SeededContact[] = [];
  const accounts = ACCOUNTS.map((name): SeededAccount => {
    const ownerId = rng.pick(sellers).id;
    const createdon = longAgo(800, 1200);
    const id = store.insert("account", { accountid: rng.guid(), name, ownerid: ownerId, statecode: 0, createdon });
    const contactIds: string[] = [];
    for (let i = rng.int(3, 5); i > 0; i--) {
      contactIds.push(addContact(store, rng, { accountId: id, company: name, ownerId, createdon: longAgo(740, 800) }));
    }
    store.update("account", id, { primarycontactid: contactIds[0] });
    contactIds.forEach((contactId) => contacts.push({ id: contactId, accountId: id, ownerId }));
    return { id, name, ownerId, contactIds };
  });

  const leadIds = LEAD_COMPANIES.flatMap((company) =>
    Array.from({ length: rng.int(1, 3) }, () => {
      const fullname = personName(rng);
      return store.insert("lead", {
        leadid: rng.guid(),
        fullname,
        companyname: company,
        emailaddress1: emailOf(fullname, domainOf(company)),
        statecode: rng.chance(0.8) ? 0 : 2,
        ownerid: rng.pick(sellers).id,
        createdon: longAgo(10, 400),
      });
    }),
  );

  const opportunityIds = accounts.flatMap((account) =>
    Array.from({ length: rng.int(1, 2) }, (_, i) => {
      const roll = rng.next();
      return store.insert("opportunity", {
        opportunityid: rng.guid(),
        name: `${account.name} ${i === 0 ? "renewal" : "expansion"}`,
        statecode: roll < 0.6 ? 0 : roll < 0.85 ? 1 : 2,
        parentaccountid: account.id,
        parentcontactid: rng.pick(account.contactIds),
        ownerid: account.ownerId,
        createdon: longAgo(30, 700),
        // From the roll already drawn, so the rest of the seed stays as it was: some close dates have passed.
        estimatedclosedate: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + Math.round(roll * 200) - 30)),
        estimatedvalue: 10_000 + Math.round(roll * 90) * 1_000,
      });
    }),
  );

  return { roles, users, sellers, accounts, contacts, leadIds, opportunityIds };
}

export function addContact(
  store: DataverseStore,
  rng: Prng,
  spec: { accountId: string; company: string; ownerId: string; createdon: Date; fullName?: string },
): string {
  const fullname = spec.fullName ?? personName(rng);
  return store.insert("contact", {
    contactid: rng.guid(),
    fullname,
    jobtitle: rng.pick(["Buyer", "Head of Operations", "CFO", "IT Director", "Procurement Lead", "Project Manager"]),
    emailaddress1: emailOf(fullname, domainOf(spec.company)),
    parentcustomerid: spec.accountId,
    statecode: 0,
    ownerid: spec.ownerId,
    createdon: spec.createdon,
  });
}
