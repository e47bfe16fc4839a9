/**
 * Two years of everyday traffic around the organization's contacts and open leads: email threads
 * with and without replies, meetings with several attendees, calls and tasks, mixed between
 * mailbox-synced items and items created in Dynamics 365.
 */

import type { RecordRef } from "../../shared/model";
import { DataverseStore } from "../dataverse/store";
import { ActivityWriter, Party, user } from "./activityWriter";
import { Organization, SeededContact } from "./organization";
import { Prng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const HISTORY_DAYS = 730;

interface Context {
  store: DataverseStore;
  rng: Prng;
  now: Date;
  org: Organization;
  writer: ActivityWriter;
}

export function seedBackgroundActivities(context: Context): void {
  const { store, rng, org } = context;
  const opportunitiesByAccount = new Map<string, string[]>();
  for (const id of org.opportunityIds) {
    const account = store.get("opportunity", id)?.parentaccountid as string;
    opportunitiesByAccount.set(account, [...(opportunitiesByAccount.get(account) ?? []), id]);
  }
  for (const contact of org.contacts) {
    const perWeek = rng.pick([0.1, 0.25, 0.5, 0.8, 1.2]);
    const count = Math.round((perWeek * HISTORY_DAYS) / 7);
    for (let i = 0; i < count; i++) contactActivity(context, contact, opportunitiesByAccount.get(contact.accountId) ?? []);
    if (rng.chance(0.25)) upcoming(context, contact);
  }
  for (const leadId of org.leadIds) leadActivities(context, leadId);
}

function contactActivity(context: Context, contact: SeededContact, opportunityIds: string[]): void {
  const { rng, now, org, writer } = context;
  const at = new Date(now.getTime() - rng.int(1, HISTORY_DAYS * 24) * HOUR);
  const owner = rng.chance(0.7) ? contact.ownerId : rng.pick(org.sellers).id;
  const them: Party = { table: "contact", id: contact.id };
  const us = user(owner);
  const mailbox = rng.chance(0.6);
  const regarding = pickRegarding(rng, contact, opportunityIds, mailbox);
  const roll = rng.next();
  if (roll < 0.55) {
    const outgoing = rng.chance(0.7);
    const thread = rng.guid();
    const cc = rng.chance(0.2) ? [user(rng.pick(org.sellers).id)].filter((p) => p.id !== owner) : [];
    writer.email({ at, from: outgoing ? us : them, to: [outgoing ? them : us], cc, owner, regarding, mailbox, thread });
    const replyAt = new Date(at.getTime() + rng.int(2, 48) * HOUR);
    if (rng.chance(0.55) && replyAt < now) {
      writer.email({ at: replyAt, from: outgoing ? them : us, to: [outgoing ? us : them], owner, regarding, mailbox, thread, subject: "RE: Follow-up" });
    }
  } else if (roll < 0.75) {
    const colleague = rng.chance(0.3) ? rng.pick(org.sellers).id : owner;
    const ours = colleague === owner ? [us] : [us, user(colleague)];
    const account = org.accounts.find((a) => a.id === contact.accountId);
    const other = account && rng.chance(0.3) ? rng.pick(account.contactIds) : contact.id;
    const theirs: Party[] = other === contact.id ? [them] : [them, { table: "contact", id: other }];
    writer.meeting({ start: at, minutes: rng.pick([30, 45, 60, 90]), required: [...ours, ...theirs], owner, regarding, mailbox });
  } else if (roll < 0.9) {
    const outgoing = rng.chance(0.7);
    writer.call({ at, minutes: rng.int(3, 40), from: outgoing ? us : them, to: outgoing ? them : us, owner, regarding });
  } else {
    writer.task({ at, owner, regarding: regarding ?? { type: "contact", id: contact.id }, minutes: rng.pick([15, 30, 60]) });
  }
}

/** Items created in Dynamics 365 are usually set regarding a record; synced mail mostly is not. */
function pickRegarding(rng: Prng, contact: SeededContact, opportunityIds: string[], mailbox: boolean): RecordRef | null {
  if (mailbox && rng.chance(0.7)) return null;
  const roll = rng.next();
  if (roll < 0.2 && opportunityIds.length > 0) return { type: "opportunity", id: rng.pick(opportunityIds) };
  if (roll < 0.3) return { type: "account", id: contact.accountId };
  return { type: "contact", id: contact.id };
}

function upcoming(context: Context, contact: SeededContact): void {
  const { rng, now, writer } = context;
  const at = new Date(now.getTime() + rng.int(1, 14) * DAY + rng.int(8, 16) * HOUR);
  const regarding: RecordRef = { type: "contact", id: contact.id };
  if (rng.chance(0.6)) {
    writer.meeting({ start: at, minutes: 60, required: [user(contact.ownerId), { table: "contact", id: contact.id }], owner: contact.ownerId, regarding, mailbox: true });
  } else {
    writer.task({ at, owner: contact.ownerId, regarding });
  }
}

function leadActivities(context: Context, leadId: string): void {
  const { store, rng, now, writer } = context;
  const lead = store.get("lead", leadId);
  if (!lead || lead.statecode !== 0) return;
  const created = Date.parse(lead.createdon as string);
  const owner = lead.ownerid as string;
  const them: Party = { table: "lead", id: leadId };
  const regarding: RecordRef = { type: "lead", id: leadId };
  for (let i = rng.int(0, 6); i > 0; i--) {
    const at = new Date(created + rng.next() * (now.getTime() - created));
    if (rng.chance(0.7)) {
      const outgoing = rng.chance(0.65);
      writer.email({ at, from: outgoing ? user(owner) : them, to: [outgoing ? them : user(owner)], owner, regarding, mailbox: rng.chance(0.4) });
    } else {
      writer.call({ at, minutes: rng.int(5, 25), from: user(owner), to: them, owner, regarding });
    }
  }
}
