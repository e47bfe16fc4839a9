/**
 * Named relationships with a known shape, so tests and demos can point at "the hot contact" or
 * "the lead colleague X knows best" and know what the widgets should say. Story records live at
 * their own accounts, which the background traffic never touches.
 */

import type { RecordRef } from "../../shared/model";
import { DataverseStore } from "../dataverse/store";
import { ActivityWriter, Party, user } from "./activityWriter";
import { Organization, addContact, domainOf, emailOf } from "./organization";
import { Prng } from "./prng";

export interface IntroducerStory {
  record: RecordRef;
  /** Recent two-way meetings and emails. */
  strong: string;
  /** Two-way emails and a call, one to four months ago. */
  medium: string;
  /** Only old one-way emails, nearly a year ago. */
  weak: string;
  /** Strongest first: [strong, medium, weak]. */
  expectedRanking: string[];
}

export interface Stories {
  /** Frequent two-way email, meetings and calls in the last 60 days; a meeting booked in 3 days. */
  hot: RecordRef;
  /** Busy 60-120 days ago, two emails 30-60 days ago, one unanswered email in the last 30. */
  cooling: RecordRef;
  /** We write every week for six months; they never reply. */
  oneWay: RecordRef;
  /** Two-way history that stopped 290 days ago. */
  dormant: RecordRef;
  /** Lead created 2 days ago with one outgoing email. */
  brandNew: RecordRef;
  /** Won opportunity (statecode 1) at the story account. */
  closedWon: RecordRef;
  /** Qualified lead (statecode 1). */
  qualifiedLead: RecordRef;
  introducerTarget: IntroducerStory;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface ThreadSpec {
  outgoing: boolean;
  reply: boolean;
  mailbox: boolean;
  /** Defaults to the story record itself. */
  regarding?: RecordRef | null;
}

/** Shorthands the stories are written in. */
class StoryKit {
  constructor(
    readonly store: DataverseStore,
    readonly rng: Prng,
    readonly now: Date,
    readonly writer: ActivityWriter,
  ) {}

  daysAgo(days: number, hour = 10): Date {
    return new Date(this.now.getTime() - days * DAY + (hour - 10) * HOUR);
  }

  /** An email from us (or them) and, when asked, the answer five hours later in the same thread. */
  thread(ref: RecordRef, owner: string, at: Date, spec: ThreadSpec): void {
    const us = user(owner);
    const them = party(ref);
    const common = { owner, mailbox: spec.mailbox, thread: this.rng.guid(), regarding: spec.regarding === undefined ? ref : spec.regarding };
    this.writer.email({ ...common, at, from: spec.outgoing ? us : them, to: [spec.outgoing ? them : us] });
    if (spec.reply) {
      const replyAt = new Date(at.getTime() + 5 * HOUR);
      this.writer.email({ ...common, at: replyAt, from: spec.outgoing ? them : us, to: [spec.outgoing ? us : them], subject: "RE: Follow-up" });
    }
  }

  meet(ref: RecordRef, owner: string, start: Date, options: { colleagues?: string[]; mailbox?: boolean; regarding?: RecordRef | null } = {}): void {
    const required = [user(owner), ...(options.colleagues ?? []).map(user), party(ref)];
    const regarding = options.regarding === undefined ? ref : options.regarding;
    this.writer.meeting({ start, minutes: 60, owner, required, regarding, mailbox: options.mailbox ?? false });
  }

  lead(fullname: string, company: string, ownerId: string, createdon: Date, statecode: number): RecordRef {
    const id = this.store.insert("lead", {
      leadid: this.rng.guid(),
      fullname,
      companyname: company,
      emailaddress1: emailOf(fullname, domainOf(company)),
      statecode,
      ownerid: ownerId,
      createdon,
    });
    return { type: "lead", id };
  }

  account(name: string, ownerId: string, createdon: Date): string {
    return this.store.insert("account", { accountid: this.rng.guid(), name, ownerid: ownerId, statecode: 0, createdon });
  }

  contact(accountId: string, company: string, ownerId: string, fullName: string): RecordRef {
    const createdon = this.daysAgo(800);
    return { type: "contact", id: addContact(this.store, this.rng, { accountId, company, ownerId, createdon, fullName }) };
  }
}

function party(ref: RecordRef): Party {
  return { table: ref.type as "contact" | "lead", id: ref.id };
}

function userNamed(org: Organization, fullName: string): string {
  const found = org.users.find((u) => u.fullName === fullName);
  if (!found) throw new Error(`Seed: no user ${fullName}`);
  return found.id;
}

export function seedStories(store: DataverseStore, rng: Prng, now: Date, org: Organization, writer: ActivityWriter): Stories {
  const kit = new StoryKit(store, rng, now, writer);
  const me = userNamed(org, "Elena Popescu");
  const manager = userNamed(org, "Priya Raman");
  const ago = (days: number, hour?: number): Date => kit.daysAgo(days, hour);

  const globex = kit.account("Globex Shipping", me, ago(900));
  const hot = kit.contact(globex, "Globex Shipping", me, "Hilda Marsh");
  const cooling = kit.contact(globex, "Globex Shipping", me, "Corin Vale");
  const oneWay = kit.contact(globex, "Globex Shipping", me, "Otto Reyes");
  const dormant = kit.contact(globex, "Globex Shipping", me, "Dora Finch");
  store.update("account", globex, { primarycontactid: hot.id });

  for (let d = 59; d >= 2; d -= 3) kit.thread(hot, me, ago(d), { outgoing: d % 2 === 0, reply: true, mailbox: d % 6 < 3 });
  for (const d of [55, 45, 35, 25, 15, 5]) kit.meet(hot, me, ago(d, 14), { colleagues: [manager] });
  for (const d of [40, 20, 1]) writer.call({ at: ago(d, 11), minutes: 20, from: user(me), to: party(hot), owner: me, regarding: hot });
  for (let d = 360; d > 60; d -= 14) kit.thread(hot, me, ago(d), { outgoing: true, reply: true, mailbox: true });
  kit.meet(hot, me, new Date(now.getTime() + 3 * DAY), { mailbox: true });

  for (let d = 120; d >= 60; d -= 4) kit.thread(cooling, me, ago(d), { outgoing: d % 8 === 0, reply: true, mailbox: true });
  for (const d of [118, 104, 90, 76, 62]) kit.meet(cooling, me, ago(d, 15));
  kit.thread(cooling, me, ago(50), { outgoing: true, reply: false, mailbox: true });
  kit.thread(cooling, me, ago(40), { outgoing: false, reply: false, mailbox: true });
  kit.thread(cooling, me, ago(20), { outgoing: true, reply: false, mailbox: false });

  for (let d = 180; d >= 3; d -= 7) kit.thread(oneWay, me, ago(d), { outgoing: true, reply: false, mailbox: d % 2 === 0 });

  for (let d = 700; d >= 290; d -= 10) kit.thread(dormant, me, ago(d), { outgoing: d % 20 === 0, reply: true, mailbox: true });
  for (const d of [650, 500, 380, 300]) kit.meet(dormant, me, ago(d, 13));

  const brandNew = kit.lead("Nadia Brooks", "Initrode", me, ago(2), 0);
  kit.thread(brandNew, me, ago(1), { outgoing: true, reply: false, mailbox: false });

  const qualifiedLead = kit.lead("Quentin Hale", "Soylent Foods", me, ago(120), 1);
  for (const d of [110, 100, 90]) kit.thread(qualifiedLead, me, ago(d), { outgoing: true, reply: true, mailbox: false });

  const closedWon: RecordRef = {
    type: "opportunity",
    id: store.insert("opportunity", {
      opportunityid: rng.guid(),
      name: "Globex Shipping fleet tracking",
      statecode: 1,
      parentaccountid: globex,
      parentcontactid: hot.id,
      ownerid: me,
      createdon: ago(250),
    }),
  };
  for (const d of [200, 170, 140]) kit.meet(hot, me, ago(d, 16), { colleagues: [manager], regarding: closedWon });

  const introducerTarget = seedIntroducers(kit, org);
  return { hot, cooling, oneWay, dormant, brandNew, closedWon, qualifiedLead, introducerTarget };
}

/** One contact three colleagues know to very different degrees; the current user and the owner know nobody there. */
function seedIntroducers(kit: StoryKit, org: Organization): IntroducerStory {
  const strong = userNamed(org, "Tomas Herrera");
  const medium = userNamed(org, "Jonah Okafor");
  const weak = userNamed(org, "Sofia Brandt");
  const owner = userNamed(org, "Marcus Lindqvist");
  const ago = (days: number, hour?: number): Date => kit.daysAgo(days, hour);
  const initech = kit.account("Initech Robotics", owner, ago(700));
  const record = kit.contact(initech, "Initech Robotics", owner, "Ines Calder");
  kit.store.update("account", initech, { primarycontactid: record.id });

  for (const d of [3, 10, 17, 24]) kit.meet(record, strong, ago(d, 9), { regarding: null });
  for (const d of [5, 12]) kit.thread(record, strong, ago(d), { outgoing: d === 5, reply: true, mailbox: true, regarding: null });
  for (const d of [45, 70, 95]) kit.thread(record, medium, ago(d), { outgoing: true, reply: true, mailbox: true, regarding: null });
  kit.writer.call({ at: ago(60, 15), minutes: 15, from: user(medium), to: party(record), owner: medium, regarding: null });
  for (const d of [330, 345, 360, 380, 400]) kit.thread(record, weak, ago(d), { outgoing: true, reply: false, mailbox: false, regarding: null });

  return { record, strong, medium, weak, expectedRanking: [strong, medium, weak] };
}
