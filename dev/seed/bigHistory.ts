/**
 * One contact with exactly n activities over two years, for volume tests (aggregate limits,
 * splitting, speed). A fixed cycle of kinds keeps the mix predictable: per 10 activities,
 * 6 emails (alternating direction), 2 meetings, 1 call, 1 task.
 */

import type { RecordRef } from "../../shared/model";
import { DataverseStore } from "../dataverse/store";
import { ActivityWriter, Party, user } from "./activityWriter";
import { addContact } from "./organization";
import { Prng } from "./prng";

export interface BigHistoryOptions {
  now: Date;
  seed: number;
  activities: number;
  /** Colleagues taking part in turn; at least one. */
  userIds: string[];
}

export interface BigHistory {
  contact: RecordRef;
  accountId: string;
  activityCount: number;
  /** The span the activities fall in: the two years before now. */
  from: Date;
  to: Date;
}

const DAY = 86_400_000;
const SPAN = 730 * DAY;

export function seedBigHistory(store: DataverseStore, options: BigHistoryOptions): BigHistory {
  const { now, activities, userIds } = options;
  if (!Number.isInteger(activities) || activities < 1) throw new Error("Seed: activities must be a positive integer");
  if (userIds.length === 0) throw new Error("Seed: bigHistory needs at least one user");
  const rng = new Prng(options.seed);
  const writer = new ActivityWriter(store, rng, now);
  const owner = userIds[0];
  const accountId = store.insert("account", { accountid: rng.guid(), name: "Massive Dynamic", ownerid: owner, statecode: 0, createdon: new Date(now.getTime() - SPAN - 30 * DAY) });
  const contact: RecordRef = {
    type: "contact",
    id: addContact(store, rng, { accountId, company: "Massive Dynamic", ownerId: owner, createdon: new Date(now.getTime() - SPAN - 20 * DAY), fullName: "Bria Holt" }),
  };
  const them: Party = { table: "contact", id: contact.id };
  const start = now.getTime() - SPAN;
  const step = SPAN / activities;
  for (let i = 0; i < activities; i++) {
    const at = new Date(start + i * step);
    const colleague = userIds[i % userIds.length];
    const us = user(colleague);
    const slot = i % 10;
    const common = { owner: colleague, mailbox: i % 3 !== 0, regarding: i % 3 === 0 ? contact : null };
    if (slot < 6) {
      const outgoing = slot % 2 === 0;
      writer.email({ ...common, at, from: outgoing ? us : them, to: [outgoing ? them : us] });
    } else if (slot < 8) {
      writer.meeting({ ...common, start: at, minutes: 30, required: [us, them] });
    } else if (slot === 8) {
      writer.call({ ...common, at, minutes: 10, from: us, to: them });
    } else {
      writer.task({ ...common, at, regarding: contact });
    }
  }
  return { contact, accountId, activityCount: activities, from: new Date(start), to: now };
}
