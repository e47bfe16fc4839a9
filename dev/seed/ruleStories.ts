/**
 * Stories that pin Microsoft's relationship analytics rules to known numbers: who counts on each
 * side of an opportunity or lead, which meetings were held and for how long, response times both
 * ways, and mailbox roles held by hundreds of users directly or through a team. They draw from
 * their own generator, so adding them leaves every other seeded value as it was.
 */

import type { RecordRef } from "../../shared/model";
import { DataverseStore } from "../dataverse/store";
import { ActivityWriter, MASK, Party, user } from "./activityWriter";
import { Organization, addContact } from "./organization";
import { Prng } from "./prng";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

/** Dynamics 365 connection role categories the opportunity and lead forms filter on. */
export const CONNECTION_ROLE_CATEGORY = { stakeholder: 1000, salesTeam: 1001 } as const;

export interface OpportunityStory {
  record: RecordRef;
  ownerId: string;
  accountId: string;
  /** opportunity.parentcontactid. */
  parentContactId: string;
  /** The account's primarycontactid, a different person. */
  accountPrimaryContactId: string;
  /** Contacts connected with the Stakeholder role (record1 = opportunity, record2 = contact). */
  stakeholderIds: string[];
  /** A user connected with the Sales Team role, not the owner. */
  salesTeamUserId: string;
  /** A user outside the owner and sales team whose email reaches the opportunity only through a stakeholder party. */
  outsiderUserId: string;
  outsiderActivityId: string;
  stakeholderRoleId: string;
  salesTeamRoleId: string;
}

export interface LeadStory {
  record: RecordRef;
  ownerId: string;
  stakeholderContactId: string;
  /** Email by a user who is not the owner, with the lead only as a party (no Regarding). */
  partyOnlyActivityId: string;
  /** Call by the owner, Regarding = the lead. */
  regardingActivityId: string;
}

export interface MeetingRulesStory {
  record: RecordRef;
  accountId: string;
  /** A second contact of the same account, on the shared meeting and call. */
  colleagueContactId: string;
  /** Open (statecode 0), ended 5 days ago, no actual duration, 30 scheduled minutes: held, 30 minutes. */
  openPastId: string;
  /** Canceled (statecode 2) 10 days ago: not held. */
  canceledId: string;
  /** Scheduled (statecode 3) in 4 days: not held yet. */
  futureId: string;
  /** Completed, 30 minutes, 3 of our users and 2 of theirs: ours 90 minutes, theirs 30. */
  sharedMeetingId: string;
  /** The recurringappointmentmaster activity: never counted itself. */
  seriesMasterId: string;
  /** Three held occurrences (seriesid = master), open, 45 scheduled minutes each. */
  occurrenceIds: string[];
  /** A 20-minute call with both contacts: counts once. */
  sharedCallId: string;
  expected: { meetingsHeld: number; ourMeetingMinutes: number; theirMeetingMinutes: number; callMinutes: number };
}

export interface RespondBothStory {
  record: RecordRef;
  ownerId: string;
  expected: {
    /** Threads we started (2), all answered; they answered after 3 and 5 hours. */
    ourThreads: number;
    answeredByThem: number;
    theirFirstResponseHours: number;
    /** Threads they started (3), two answered by us after 2 and 4 hours, one not. */
    theirThreads: number;
    answeredByUs: number;
    ourFirstResponseHours: number;
  };
}

export interface MailboxHoldersStory {
  record: RecordRef;
  roleId: string;
  teamId: string;
  /** 150 users holding the role directly. */
  directHolderIds: string[];
  /** 100 users holding it only through the team's role. */
  teamHolderIds: string[];
  /** One mailbox-synced email from each holder to the contact: 250. */
  emailCount: number;
}

export interface SecondDegreeStory {
  /** A contact nobody on our side has met. */
  record: RecordRef;
  accountId: string;
  /** A coworker at the same account who meets `colleagueId` every week, regarding the account. */
  coworkerId: string;
  colleagueId: string;
  /** A colleague who met the coworker a few times months ago: a weaker path. */
  weakColleagueId: string;
  /** A colleague who knows the coworker well but opted out: must never be shown. */
  optedOutColleagueId: string;
  /** A coworker who met a colleague once but has nothing to do with the account: no path through them. */
  idleCoworkerId: string;
  expectedRanking: string[];
}

export interface RuleStories {
  opportunityFull: OpportunityStory;
  leadWithStakeholders: LeadStory;
  meetingRules: MeetingRulesStory;
  respondBoth: RespondBothStory;
  manyMailboxHolders: MailboxHoldersStory;
  secondDegree: SecondDegreeStory;
}

class RuleKit {
  readonly writer: ActivityWriter;

  constructor(
    readonly store: DataverseStore,
    readonly rng: Prng,
    readonly now: Date,
    readonly org: Organization,
  ) {
    this.writer = new ActivityWriter(store, rng, now);
  }

  ago(days: number, hour = 10): Date {
    return new Date(this.now.getTime() - days * DAY + (hour - 10) * HOUR);
  }

  userNamed(fullName: string): string {
    const found = this.org.users.find((u) => u.fullName === fullName);
    if (!found) throw new Error(`Seed: no user ${fullName}`);
    return found.id;
  }

  account(name: string, ownerId: string): string {
    return this.store.insert("account", { accountid: this.rng.guid(), name, ownerid: ownerId, statecode: 0, createdon: this.ago(900) });
  }

  contact(accountId: string, company: string, ownerId: string, fullName: string): string {
    return addContact(this.store, this.rng, { accountId, company, ownerId, createdon: this.ago(800), fullName });
  }

  connectionRole(name: string, category: number): string {
    return this.store.insert("connectionrole", { connectionroleid: this.rng.guid(), name, category, statecode: 0, createdon: this.ago(1500) });
  }

  /** A connection and the reciprocal one Dataverse creates with it. */
  connect(record1: RecordRef, record2: { type: string; id: string }, record2roleid: string): string {
    const id = this.rng.guid();
    const reverse = this.rng.guid();
    const common = { statecode: 0, createdon: this.ago(60) };
    this.store.insert("connection", {
      ...common,
      connectionid: id,
      record1id: record1.id,
      record1objecttypecode: record1.type,
      record2id: record2.id,
      record2objecttypecode: record2.type,
      record2roleid,
      ismaster: true,
      relatedconnectionid: reverse,
    });
    this.store.insert("connection", {
      ...common,
      connectionid: reverse,
      record1id: record2.id,
      record1objecttypecode: record2.type,
      record1roleid: record2roleid,
      record2id: record1.id,
      record2objecttypecode: record1.type,
      ismaster: false,
      relatedconnectionid: id,
    });
    return id;
  }

  party(activityid: string, party: Party, mask: number): void {
    this.writer.party(activityid, party, mask);
  }

  /** An appointment written field by field, for the states the writer never produces. */
  appointment(values: Record<string, unknown>, ownerId: string, parties: [Party, number][]): string {
    const id = this.store.insert("appointment", { activityid: this.rng.guid(), subject: "Meeting", ownerid: ownerId, ...values });
    for (const [party, mask] of parties) this.party(id, party, mask);
    return id;
  }
}

const contactParty = (id: string): Party => ({ table: "contact", id });

export function seedRuleStories(store: DataverseStore, seed: number, now: Date, org: Organization): RuleStories {
  const kit = new RuleKit(store, new Prng(seed ^ 0x7a1e5), now, org);
  const stakeholderRoleId = kit.connectionRole("Stakeholder", CONNECTION_ROLE_CATEGORY.stakeholder);
  const salesTeamRoleId = kit.connectionRole("Sales Team Member", CONNECTION_ROLE_CATEGORY.salesTeam);
  return {
    opportunityFull: seedOpportunity(kit, stakeholderRoleId, salesTeamRoleId),
    leadWithStakeholders: seedLead(kit, stakeholderRoleId),
    meetingRules: seedMeetings(kit),
    respondBoth: seedResponses(kit),
    manyMailboxHolders: seedMailboxHolders(kit),
    secondDegree: seedSecondDegree(kit),
  };
}

function seedOpportunity(kit: RuleKit, stakeholderRoleId: string, salesTeamRoleId: string): OpportunityStory {
  const { store, writer } = kit;
  const ownerId = kit.userNamed("Elena Popescu");
  const salesTeamUserId = kit.userNamed("Jonah Okafor");
  const outsiderUserId = kit.userNamed("Kenji Watanabe");
  const company = "Umbrella Logistics";
  const accountId = kit.account(company, ownerId);
  const accountPrimaryContactId = kit.contact(accountId, company, ownerId, "Paula Grant");
  const parentContactId = kit.contact(accountId, company, ownerId, "Oscar Lind");
  const stakeholderIds = [kit.contact(accountId, company, ownerId, "Stella Quinn"), kit.contact(accountId, company, ownerId, "Sam Ortega")];
  store.update("account", accountId, { primarycontactid: accountPrimaryContactId });
  const record: RecordRef = {
    type: "opportunity",
    id: store.insert("opportunity", {
      opportunityid: kit.rng.guid(),
      name: "Umbrella Logistics fleet renewal",
      statecode: 0,
      parentaccountid: accountId,
      parentcontactid: parentContactId,
      ownerid: ownerId,
      createdon: kit.ago(90),
    }),
  };
  for (const id of stakeholderIds) kit.connect(record, { type: "contact", id }, stakeholderRoleId);
  kit.connect(record, { type: "systemuser", id: salesTeamUserId }, salesTeamRoleId);

  const me = user(ownerId);
  [accountPrimaryContactId, parentContactId, ...stakeholderIds].forEach((id, i) => {
    writer.email({ at: kit.ago(30 - i * 5), from: me, to: [contactParty(id)], owner: ownerId, regarding: record, mailbox: true });
  });
  writer.meeting({ start: kit.ago(12, 14), minutes: 60, owner: salesTeamUserId, required: [user(salesTeamUserId), contactParty(stakeholderIds[0])], regarding: record });
  const outsiderActivityId = writer.email({ at: kit.ago(6), from: user(outsiderUserId), to: [contactParty(stakeholderIds[1])], owner: outsiderUserId, regarding: null, mailbox: true });
  return {
    record,
    ownerId,
    accountId,
    parentContactId,
    accountPrimaryContactId,
    stakeholderIds,
    salesTeamUserId,
    outsiderUserId,
    outsiderActivityId,
    stakeholderRoleId,
    salesTeamRoleId,
  };
}

function seedLead(kit: RuleKit, stakeholderRoleId: string): LeadStory {
  const { store, writer } = kit;
  const ownerId = kit.userNamed("Elena Popescu");
  const other = kit.userNamed("Sofia Brandt");
  const accountId = kit.account("Cyberdyne Analytics", ownerId);
  const stakeholderContactId = kit.contact(accountId, "Cyberdyne Analytics", ownerId, "Lena Park");
  const record: RecordRef = {
    type: "lead",
    id: store.insert("lead", {
      leadid: kit.rng.guid(),
      fullname: "Ivo Brandl",
      companyname: "Cyberdyne Analytics",
      emailaddress1: "ivo.brandl@cyberdyneanalytics.example",
      statecode: 0,
      ownerid: ownerId,
      createdon: kit.ago(40),
    }),
  };
  kit.connect(record, { type: "contact", id: stakeholderContactId }, stakeholderRoleId);
  const lead: Party = { table: "lead", id: record.id };
  const partyOnlyActivityId = writer.email({ at: kit.ago(9), from: user(other), to: [lead], owner: other, regarding: null, mailbox: true });
  const regardingActivityId = writer.call({ at: kit.ago(4, 11), minutes: 15, from: user(ownerId), to: lead, owner: ownerId, regarding: record });
  return { record, ownerId, stakeholderContactId, partyOnlyActivityId, regardingActivityId };
}

function seedMeetings(kit: RuleKit): MeetingRulesStory {
  const { store, writer, now } = kit;
  const ownerId = kit.userNamed("Elena Popescu");
  const colleagues = [kit.userNamed("Priya Raman"), kit.userNamed("Tomas Herrera")];
  const accountId = kit.account("Stark Freight", ownerId);
  const record: RecordRef = { type: "contact", id: kit.contact(accountId, "Stark Freight", ownerId, "Mira Holt") };
  const colleagueContactId = kit.contact(accountId, "Stark Freight", ownerId, "Nils Berg");
  const them = contactParty(record.id);
  const organizer = (): [Party, number] => [user(ownerId), MASK.organizer];
  const at = (days: number, minutes: number): { scheduledstart: Date; scheduledend: Date } => {
    const start = new Date(now.getTime() + days * DAY);
    return { scheduledstart: start, scheduledend: new Date(start.getTime() + minutes * MINUTE) };
  };

  // Synced from Exchange and never closed in Dynamics 365: still Open, though it ended.
  const openPastId = kit.appointment({ ...at(-5, 30), scheduleddurationminutes: 30, statecode: 0, statuscode: 1, createdon: kit.ago(8) }, ownerId, [organizer(), [them, MASK.required]]);
  const canceledId = kit.appointment({ ...at(-10, 60), scheduleddurationminutes: 60, statecode: 2, statuscode: 4, createdon: kit.ago(14) }, ownerId, [organizer(), [them, MASK.required]]);
  const futureId = kit.appointment({ ...at(4, 60), scheduleddurationminutes: 60, statecode: 3, statuscode: 5, createdon: kit.ago(2) }, ownerId, [organizer(), [them, MASK.required]]);
  const sharedMeetingId = writer.meeting({
    start: kit.ago(20, 15),
    minutes: 30,
    owner: ownerId,
    required: [user(ownerId), ...colleagues.map(user), them, contactParty(colleagueContactId)],
    regarding: record,
  });

  const first = now.getTime() - 21 * DAY;
  const seriesMasterId = store.insert("activitypointer", {
    activityid: kit.rng.guid(),
    activitytypecode: "recurringappointmentmaster",
    subject: "Weekly check-in",
    ownerid: ownerId,
    instancetypecode: 1,
    scheduledstart: new Date(first),
    scheduledend: new Date(first + 45 * MINUTE),
    scheduleddurationminutes: 45,
    statecode: 0,
    createdon: new Date(first - 2 * DAY),
  });
  kit.party(seriesMasterId, user(ownerId), MASK.organizer);
  kit.party(seriesMasterId, them, MASK.required);
  const occurrenceIds = [0, 7, 14].map((offset) => {
    const start = new Date(first + offset * DAY);
    return kit.appointment(
      { scheduledstart: start, scheduledend: new Date(start.getTime() + 45 * MINUTE), scheduleddurationminutes: 45, seriesid: seriesMasterId, instancetypecode: 2, statecode: 0, statuscode: 1, createdon: new Date(first - 2 * DAY) },
      ownerId,
      [organizer(), [them, MASK.required]],
    );
  });

  const sharedCallId = writer.call({ at: kit.ago(3, 16), minutes: 20, from: user(ownerId), to: them, owner: ownerId, regarding: record });
  kit.party(sharedCallId, contactParty(colleagueContactId), MASK.to);

  return {
    record,
    accountId,
    colleagueContactId,
    openPastId,
    canceledId,
    futureId,
    sharedMeetingId,
    seriesMasterId,
    occurrenceIds,
    sharedCallId,
    // Held: the open past one (30), the shared one (30; 3 of ours), three occurrences (45 each).
    expected: { meetingsHeld: 5, ourMeetingMinutes: 30 + 90 + 3 * 45, theirMeetingMinutes: 30 + 30 + 3 * 45, callMinutes: 20 },
  };
}

function seedResponses(kit: RuleKit): RespondBothStory {
  const { writer } = kit;
  const ownerId = kit.userNamed("Elena Popescu");
  const accountId = kit.account("Wayne Maritime", ownerId);
  const record: RecordRef = { type: "contact", id: kit.contact(accountId, "Wayne Maritime", ownerId, "Rhea Stone") };
  const us = user(ownerId);
  const them = contactParty(record.id);
  const thread = (days: number, outgoing: boolean, replyAfterHours: number | null): void => {
    const at = kit.ago(days);
    const id = kit.rng.guid();
    const common = { owner: ownerId, regarding: record, mailbox: true, thread: id };
    writer.email({ ...common, at, from: outgoing ? us : them, to: [outgoing ? them : us] });
    if (replyAfterHours !== null) {
      writer.email({ ...common, at: new Date(at.getTime() + replyAfterHours * HOUR), from: outgoing ? them : us, to: [outgoing ? us : them], subject: "RE: Follow-up" });
    }
  };
  thread(20, true, 3);
  thread(15, true, 5);
  thread(12, false, 2);
  thread(8, false, 4);
  thread(4, false, null);
  return {
    record,
    ownerId,
    expected: { ourThreads: 2, answeredByThem: 2, theirFirstResponseHours: 4, theirThreads: 3, answeredByUs: 2, ourFirstResponseHours: 3 },
  };
}

function seedMailboxHolders(kit: RuleKit): MailboxHoldersStory {
  const { store, writer } = kit;
  const ownerId = kit.userNamed("Elena Popescu");
  const accountId = kit.account("Oscorp Supplies", ownerId);
  const record: RecordRef = { type: "contact", id: kit.contact(accountId, "Oscorp Supplies", ownerId, "Theo Marsh") };
  const roleRoot = kit.rng.guid();
  const roleId = store.insert("role", { roleid: roleRoot, name: "Shared Mailbox Sync", parentrootroleid: roleRoot, createdon: kit.ago(1200) });
  const teamId = store.insert("team", { teamid: kit.rng.guid(), name: "Inside sales pool", teamtype: 0, createdon: kit.ago(1200) });
  store.insert("teamroles", { teamroleid: kit.rng.guid(), teamid: teamId, roleid: roleId });
  const holders = Array.from({ length: 250 }, (_, i) =>
    store.insert("systemuser", {
      systemuserid: kit.rng.guid(),
      fullname: `Pool Seller ${String(i + 1).padStart(3, "0")}`,
      title: "Inside Sales Representative",
      internalemailaddress: `pool.seller.${i + 1}@contoso.example`,
      isdisabled: false,
      createdon: kit.ago(700),
    }),
  );
  const directHolderIds = holders.slice(0, 150);
  const teamHolderIds = holders.slice(150);
  for (const id of directHolderIds) store.insert("systemuserroles", { systemuserroleid: kit.rng.guid(), systemuserid: id, roleid: roleId });
  for (const id of teamHolderIds) store.insert("teammembership", { teammembershipid: kit.rng.guid(), teamid: teamId, systemuserid: id });
  holders.forEach((id, i) => {
    writer.email({ at: kit.ago(1 + (i % 60), 9 + (i % 8)), from: user(id), to: [contactParty(record.id)], owner: id, regarding: null, mailbox: true });
  });
  return { record, roleId, teamId, directHolderIds, teamHolderIds, emailCount: holders.length };
}

/** Who knows whom through a coworker: nobody knows the contact, a colleague knows their coworker. */
function seedSecondDegree(kit: RuleKit): SecondDegreeStory {
  const { writer } = kit;
  const ownerId = kit.userNamed("Elena Popescu");
  const colleagueId = kit.userNamed("Priya Raman");
  const weakColleagueId = kit.userNamed("Tomas Herrera");
  const optedOutColleagueId = kit.userNamed("Sofia Brandt");
  const accountId = kit.account("Wayne Logistics", ownerId);
  const record: RecordRef = { type: "contact", id: kit.contact(accountId, "Wayne Logistics", ownerId, "Dara Quinn") };
  const coworkerId = kit.contact(accountId, "Wayne Logistics", ownerId, "Malik Osei");
  const idleCoworkerId = kit.contact(accountId, "Wayne Logistics", ownerId, "Rhea Lind");
  const account: RecordRef = { type: "account", id: accountId };
  const coworker = contactParty(coworkerId);
  for (let week = 0; week < 12; week++) {
    writer.meeting({ start: kit.ago(3 + week * 7, 14), minutes: 30, owner: colleagueId, required: [user(colleagueId), coworker], regarding: account });
    writer.email({ at: kit.ago(5 + week * 7, 9), from: coworker, to: [user(colleagueId)], owner: colleagueId, regarding: null });
    writer.meeting({ start: kit.ago(4 + week * 7, 11), minutes: 45, owner: optedOutColleagueId, required: [user(optedOutColleagueId), coworker], regarding: account });
  }
  for (let i = 0; i < 3; i++) {
    writer.meeting({ start: kit.ago(150 + i * 10, 15), minutes: 30, owner: weakColleagueId, required: [user(weakColleagueId), coworker], regarding: null });
  }
  // The weekly meetings are regarding the account: that is the coworker's standing there.
  writer.meeting({ start: kit.ago(20, 10), minutes: 30, owner: weakColleagueId, required: [user(weakColleagueId), contactParty(idleCoworkerId)], regarding: null });
  return { record, accountId, coworkerId, colleagueId, weakColleagueId, optedOutColleagueId, idleCoworkerId, expectedRanking: [colleagueId, weakColleagueId] };
}
