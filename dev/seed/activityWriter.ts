/**
 * Writes activities the way Dataverse stores them: one activitypointer row plus its activityparty
 * rows (From/To/Cc, organizer and attendees). Past items are completed; future ones scheduled/open.
 * Mailbox-synced items carry an exchangeitemid, as server-side sync leaves them.
 */

import type { RecordRef } from "../../shared/model";
import { DataverseStore } from "../dataverse/store";
import { Prng } from "./prng";

export type PartyTable = "systemuser" | "contact" | "lead" | "account";

export interface Party {
  table: PartyTable;
  id: string;
}

export const MASK = { from: 1, to: 2, cc: 3, required: 5, optional: 6, organizer: 7, owner: 9 } as const;

const MINUTE = 60_000;

interface Common {
  owner: string;
  regarding?: RecordRef | null;
  /** Came from a mailbox through server-side sync. */
  mailbox?: boolean;
  subject?: string;
}

export interface EmailSpec extends Common {
  at: Date;
  from: Party;
  to: Party[];
  cc?: Party[];
  /** Email thread (conversationindex); a new one when omitted. */
  thread?: string;
}

export interface MeetingSpec extends Common {
  start: Date;
  minutes: number;
  required: Party[];
  optional?: Party[];
}

export interface CallSpec extends Common {
  at: Date;
  minutes: number;
  from: Party;
  to: Party;
}

export interface TaskSpec extends Common {
  at: Date;
  minutes?: number;
}

export function user(id: string): Party {
  return { table: "systemuser", id };
}

export class ActivityWriter {
  constructor(
    private readonly store: DataverseStore,
    private readonly rng: Prng,
    private readonly now: Date,
  ) {}

  email(spec: EmailSpec): string {
    const id = this.pointer("email", spec, {
      actualend: spec.at,
      createdon: spec.at,
      statecode: 1,
      directioncode: spec.from.table === "systemuser",
      conversationindex: spec.thread ?? this.rng.guid(),
    });
    this.party(id, spec.from, MASK.from);
    spec.to.forEach((party) => this.party(id, party, MASK.to));
    (spec.cc ?? []).forEach((party) => this.party(id, party, MASK.cc));
    return id;
  }

  /** The first required attendee of ours organizes; attendees are required/optional parties. */
  meeting(spec: MeetingSpec): string {
    const end = new Date(spec.start.getTime() + spec.minutes * MINUTE);
    const done = end <= this.now;
    const id = this.pointer("appointment", spec, {
      scheduledstart: spec.start,
      scheduledend: end,
      actualstart: done ? spec.start : null,
      actualend: done ? end : null,
      actualdurationminutes: done ? spec.minutes : null,
      createdon: new Date(Math.min(spec.start.getTime() - 3 * 1440 * MINUTE, this.now.getTime())),
      statecode: done ? 1 : 3,
    });
    this.party(id, user(spec.owner), MASK.organizer);
    spec.required.forEach((party) => this.party(id, party, MASK.required));
    (spec.optional ?? []).forEach((party) => this.party(id, party, MASK.optional));
    return id;
  }

  call(spec: CallSpec): string {
    const done = spec.at < this.now;
    const id = this.pointer("phonecall", spec, {
      scheduledstart: done ? null : spec.at,
      actualstart: done ? spec.at : null,
      actualend: done ? new Date(spec.at.getTime() + spec.minutes * MINUTE) : null,
      actualdurationminutes: done ? spec.minutes : null,
      createdon: done ? spec.at : this.now,
      statecode: done ? 1 : 0,
      directioncode: spec.from.table === "systemuser",
    });
    this.party(id, spec.from, MASK.from);
    this.party(id, spec.to, MASK.to);
    return id;
  }

  task(spec: TaskSpec): string {
    const done = spec.at < this.now;
    const id = this.pointer("task", spec, {
      scheduledstart: done ? null : spec.at,
      scheduledend: done ? null : spec.at,
      actualend: done ? spec.at : null,
      actualdurationminutes: done ? spec.minutes ?? 15 : null,
      createdon: done ? spec.at : this.now,
      statecode: done ? 1 : 0,
    });
    this.party(id, user(spec.owner), MASK.owner);
    return id;
  }

  private pointer(type: string, spec: Common, values: Record<string, unknown>): string {
    const regarding = spec.regarding ?? null;
    return this.store.insert(type, {
      ...values,
      activityid: this.rng.guid(),
      subject: spec.subject ?? SUBJECTS[type],
      ownerid: spec.owner,
      regardingobjectid: regarding?.id ?? null,
      regardingobjecttypecode: regarding?.type ?? null,
      exchangeitemid: spec.mailbox ? this.rng.exchangeItemId() : null,
      modifiedon: values.createdon,
    });
  }

  party(activityid: string, party: Party, mask: number): void {
    this.store.insert("activityparty", {
      activitypartyid: this.rng.guid(),
      activityid,
      partyid: party.id,
      partyobjecttypecode: party.table,
      participationtypemask: mask,
    });
  }
}

const SUBJECTS: Record<string, string> = {
  email: "Follow-up",
  appointment: "Meeting",
  phonecall: "Call",
  task: "Prepare proposal",
};
