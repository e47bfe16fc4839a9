/**
 * The domain model every layer speaks. Pure types and a few constants: no I/O here.
 * Dates are JavaScript Dates (UTC instants); day keys are "YYYY-MM-DD" in the user's time zone.
 */

export type RecordType = "lead" | "contact" | "account" | "opportunity";
export const RECORD_TYPES: readonly RecordType[] = ["lead", "contact", "account", "opportunity"];

/** A Dataverse record. `id` is always a validated, lower-case GUID without braces. */
export interface RecordRef {
  type: RecordType;
  id: string;
}

export type ActivityKind = "email" | "appointment" | "phonecall" | "task";
export const ACTIVITY_KINDS: readonly ActivityKind[] = ["email", "appointment", "phonecall", "task"];

/**
 * Seen from our organization: outgoing = we wrote/called them, incoming = they wrote/called us,
 * mutual = a meeting both sides attend, none = a task (no counterpart) or unknown.
 */
export type Direction = "outgoing" | "incoming" | "mutual" | "none";

/** Microsoft's two data tiers: what is stored in Dataverse, and what came from a mailbox. */
export type DataTier = "dataverse" | "mailbox";

/**
 * Which mailbox-synced activities may count (domain: "How this product maps Microsoft's two data
 * tiers"): all, none, or those whose owner holds one of these root security roles (directly or through
 * a team), except owners who opted out. The role test runs inside each activity query.
 */
export type MailboxScope = "all" | "none" | { roleIds: readonly string[]; excludedOwnerIds: readonly string[] };

/**
 * Who stands for a record besides the record itself (domain.md, "People counted"): on their side an
 * opportunity's contact, stakeholders and account's primary contact, a lead's stakeholders, an
 * account's primary contact (its other contacts are matched in the query); on ours, a lead's owner or an
 * opportunity's owner and sales team, or null when any user counts (contacts, accounts).
 */
export interface RecordPeople {
  theirIds: readonly string[];
  ourIds: readonly string[] | null;
}

/** Half-open time window [from, to). */
export interface DateWindow {
  from: Date;
  to: Date;
}

/** Server-side aggregate of interactions: one row per kind, direction and day. */
export interface InteractionBucket {
  kind: ActivityKind;
  direction: Direction;
  /** "YYYY-MM-DD" as Dataverse grouped it (user's time zone). */
  day: string;
  count: number;
  /** Sum of actual duration in minutes (appointments, calls); 0 when unknown. */
  durationMinutes: number;
}

/** A meeting held with the record (not canceled, its scheduled end passed), as time is counted. */
export interface HeldMeeting {
  id: string;
  /** Its scheduled end. */
  end: Date;
  /** "YYYY-MM-DD" of its scheduled end, in the user's time zone. */
  day: string;
  /** Actual duration, else the scheduled one; 0 when neither is set. */
  minutes: number;
  /** Distinct users (organizer, required or optional) on it: our time is minutes x this, theirs is minutes. */
  ourAttendees: number;
}

export interface ActivitySummary {
  kind: ActivityKind;
  direction: Direction;
  /** When it happened (actualend, else scheduledstart for the next one). */
  at: Date;
}

/** Everything the analytics need about one record, as read from Dataverse. */
export interface InteractionData {
  record: RecordRef;
  window: DateWindow;
  /** Emails, calls and tasks per kind, direction and day; held meetings as appointment buckets too. */
  buckets: InteractionBucket[];
  meetings: HeldMeeting[];
  /** Distinct people on each side who took part in the window (breadth). */
  ourPeople: number;
  theirPeople: number;
  last: ActivitySummary | null;
  next: ActivitySummary | null;
  /** Email threads in the window, for response rate and first-response time. */
  threads: EmailThreadStat[];
  /** Rows the parser skipped as malformed: surfaced, never silently dropped. */
  skippedRows: number;
}

/** One email thread: who wrote first, and when the other side first answered. */
export interface EmailThreadStat {
  startedBy: "us" | "them";
  startedAt: Date;
  /** The other side's first email after the start, if any. */
  answeredAt: Date | null;
}

export interface KpiSide {
  emails: number;
  meetings: number;
  calls: number;
  minutes: number;
}

export interface WeeklyPoint {
  /** Monday of the week, "YYYY-MM-DD". */
  weekStart: string;
  sent: number;
  received: number;
  /** Meetings held that week (they have no sender, so they are neither sent nor received). */
  meetings: number;
}

export interface KpiSet {
  windowDays: number;
  ours: KpiSide;
  theirs: KpiSide;
  emailsSent: number;
  emailsReceived: number;
  meetings: number;
  callsMade: number;
  callsReceived: number;
  tasks: number;
  minutesOurs: number;
  minutesTheirs: number;
  /** Share of the threads we started that they answered, 0..1; null when we started none. */
  responseRate: number | null;
  /** Average minutes to their first answer, null when no answer is known. */
  averageFirstResponseMinutes: number | null;
  /** Share of the threads they started that we answered, 0..1; null when they started none. */
  ourResponseRate: number | null;
  /** Average minutes to our first answer, null when no answer is known. */
  ourAverageFirstResponseMinutes: number | null;
  last: ActivitySummary | null;
  next: ActivitySummary | null;
  timeline: WeeklyPoint[];
  /** Rows Dataverse returned that could not be read and are not in these numbers. */
  skippedRows: number;
}

export type Grade = "good" | "fair" | "poor";
export type Trend = "improving" | "steady" | "declining" | "notEnoughInfo";

/** A localizable explanation: a resx key plus its parameters. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

export type ScoreFactorName = "recency" | "frequency" | "reciprocity" | "breadth" | "momentum";

export interface ScoreFactor {
  name: ScoreFactorName;
  /** 0..1 sub-score. */
  value: number;
  /** Points this factor contributed to the score, or lost against its maximum (negative). */
  impact: number;
  message: MessageRef;
}

export type HealthScoreStatus = "scored" | "notEnoughInfo" | "notApplicable";

export interface HealthScore {
  status: HealthScoreStatus;
  /** 0..100 when scored, otherwise null. */
  score: number | null;
  grade: Grade | null;
  trend: Trend;
  /** The score one period earlier, when known. */
  previousScore: number | null;
  /** Most influential first. */
  factors: ScoreFactor[];
  /** Why there is no score (notEnoughInfo / notApplicable). */
  reason: MessageRef | null;
  last: ActivitySummary | null;
  next: ActivitySummary | null;
  /** Rows Dataverse returned that could not be read and are not in this score. */
  skippedRows: number;
}

export type Channel = "meeting" | "call" | "email";

export interface IntroducerEvidence {
  meetings: number;
  calls: number;
  emails: number;
  /** Times the customer wrote back to or met with this colleague. */
  replies: number;
  last: Date | null;
}

export interface Introducer {
  userId: string;
  fullName: string;
  title: string | null;
  email: string | null;
  /** 0..100 */
  strength: number;
  strengthWord: "strong" | "good" | "weak";
  isCurrentUser: boolean;
  evidence: IntroducerEvidence;
  reason: MessageRef;
}

export type ActivityWeights = Record<ActivityKind, number>;

export interface GradeBoundaries {
  /** Score at or above which the grade is Good. */
  good: number;
  /** Score at or above which the grade is Fair. */
  fair: number;
}

export type CommunicationFrequency = "daily" | "weekly" | "biweekly" | "monthly";

export interface Settings {
  /** Relationship intelligence activated by an admin. */
  enabled: boolean;
  /** When it was activated (ISO), starts the 14-day consent clock. */
  activatedOn: string | null;
  features: {
    analytics: boolean;
    healthScore: boolean;
    whoKnowsWhom: boolean;
    /** Use mailbox (server-side sync) activities. */
    mailboxData: boolean;
  };
  /** Security role ids (lower-case GUIDs) whose mailbox data may be used. */
  mailboxRoleIds: string[];
  /** Users (lower-case GUIDs) who opted out of who knows whom and mailbox use. */
  optedOutUserIds: string[];
  consent: {
    /** When the Microsoft 365 admin gave consent (ISO), or null. */
    grantedOn: string | null;
  };
  /** Is the tenant's data in a supported geography. */
  geographySupported: boolean;
  healthScore: {
    boundaries: GradeBoundaries;
    /** Multipliers 0.5..1.5 per activity kind. */
    weights: ActivityWeights;
    expectedFrequency: CommunicationFrequency;
  };
  analyticsWindowDays: 30 | 60 | 90;
  introducerCount: number;
  /** Email template id for introduction requests, or null for our built-in text. */
  introductionTemplateId: string | null;
}

export interface SettingsResult {
  settings: Settings;
  /** Problems found in the stored JSON; defaults were used for those parts. */
  problems: MessageRef[];
  /** Where the value came from. */
  source: "value" | "default" | "none";
}

export type ConsentState =
  | { kind: "notActivated" }
  | { kind: "pending"; activatedOn: Date; deadline: Date; daysLeft: number }
  | { kind: "granted"; grantedOn: Date }
  | { kind: "lapsed"; activatedOn: Date; lapsedOn: Date };

/** What may run, after settings, consent and geography are taken into account. */
export interface EffectiveFeatures {
  analytics: boolean;
  healthScore: boolean;
  whoKnowsWhom: boolean;
  mailboxData: boolean;
  /** For each switched-off feature, why: shown to users instead of nothing. */
  offReasons: Partial<Record<"analytics" | "healthScore" | "whoKnowsWhom" | "mailboxData", FeatureOffReason>>;
}

export type FeatureOffReason =
  | { kind: "notActivated" }
  | { kind: "disabledByAdmin" }
  | { kind: "consentLapsed"; since: Date }
  | { kind: "geographyUnsupported" };

/** The role every environment gives the System Administrator, whatever its localized name. */
export const SYSTEM_ADMINISTRATOR_ROLE_TEMPLATE_ID = "627090ff-40a3-4053-8790-584edc5be201";

export interface SecurityRole {
  id: string;
  name: string;
  templateId: string | null;
}

export interface Colleague {
  id: string;
  fullName: string;
  title: string | null;
  email: string | null;
}

/**
 * What a widget's loader resolves to. Failures are thrown as DataError (shared/errors.ts); these are the
 * outcomes that are not failures but still are not data.
 */
export type LoadResult<T> =
  | { kind: "ready"; data: T }
  /** The form's record is new and unsaved: nothing can be read yet. */
  | { kind: "unsaved" }
  /** No record on the form and no valid record type/id inputs (canvas apps, dashboards). */
  | { kind: "noRecord" }
  /** The record type is not one this widget serves (e.g. who knows whom on an opportunity). */
  | { kind: "unsupportedRecordType"; type: RecordType }
  | { kind: "featureOff"; reason: FeatureOffReason };

/** Someone at the record's account who is not the record: the person in the middle of a path. */
export interface Coworker {
  id: string;
  fullName: string;
  title: string | null;
}

/**
 * A second-degree path: our colleague knows a coworker of the record at the same account. Its strength
 * is the weaker of the two links, so a path is only as good as its weakest step.
 */
export interface IntroductionPath {
  /** Our colleague, with their evidence and strength towards the coworker. */
  colleague: Introducer;
  coworker: Coworker;
  /** The coworker's standing at the account: recency and volume of what they do with it, 0..100. */
  coworkerStanding: number;
  /** min(colleague.strength, coworkerStanding). */
  strength: number;
  strengthWord: Introducer["strengthWord"];
  /** Both links in words. */
  reason: MessageRef;
}

export interface IntroducerList {
  introducers: Introducer[];
  /** The signed-in user, shown apart as "You know them". */
  you: Introducer | null;
  /** Colleagues who know a coworker of the record at its account, strongest path first; never above introducers. */
  paths: IntroductionPath[];
  /** The signed-in user's own paths ("you know their coworker"), shown apart. */
  yourPaths: IntroductionPath[];
  /**
   * Why paths are missing although the record has an account: too much to read at once, or they could
   * not be read (first-degree introducers still show). Null otherwise.
   */
  pathsNote: "tooManyToRead" | "failed" | null;
  /**
   * Why mailbox activities are left out although the admin switched mailbox data on: no role is
   * selected, so nobody's mailbox may be used. Null when nothing is left out that way.
   */
  mailboxNote: "noRolesSelected" | null;
}

export interface ConsentView {
  consent: ConsentState;
  effective: EffectiveFeatures;
  /** System Administrators get the actions (record consent, open settings). */
  isAdmin: boolean;
}

/** What the admin settings page reads. */
export interface SettingsPageData {
  settings: Settings;
  /** Problems found in the stored value; the page shows them and saving fixes them. */
  problems: MessageRef[];
  /** The environment's security roles, for the mailbox-data role picker. */
  roles: SecurityRole[];
  consent: ConsentState;
  /** Only System Administrators may change anything. */
  isAdmin: boolean;
  /** Marks the stored value that was read; saving with a stale one is a conflict. */
  version: string | null;
}

/** Which record a widget is about, as the host tells it. */
export type RecordTarget =
  | { kind: "record"; record: RecordRef }
  /** A new form: the type is known, the id is not until it is saved. */
  | { kind: "unsaved"; type: RecordType }
  | { kind: "none" };
