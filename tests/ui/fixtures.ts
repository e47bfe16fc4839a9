/** Typed data the fake loaders resolve to. Dates are relative to NOW so relative phrases are stable. */
import { DataError, type DataErrorKind } from "../../shared/errors";
import type {
  ConsentState,
  ConsentView,
  EffectiveFeatures,
  HealthScore,
  Introducer,
  IntroducerList,
  IntroductionPath,
  KpiSet,
  LoadResult,
} from "../../shared/model";

export const NOW = new Date("2025-03-12T10:00:00Z");
const DAY = 86_400_000;
export const daysFromNow = (days: number): Date => new Date(NOW.getTime() + days * DAY);

export function healthScore(overrides: Partial<HealthScore> = {}): HealthScore {
  return {
    status: "scored",
    score: 72,
    grade: "good",
    trend: "improving",
    previousScore: 61,
    factors: [
      { name: "recency", value: 1, impact: 25, message: { key: "factor.recentReply", params: { days: 3 } } },
      { name: "momentum", value: 0.6, impact: -8, message: { key: "factor.interactionsDown", params: { percent: 40 } } },
      { name: "reciprocity", value: 0.7, impact: 14, message: { key: "factor.balanced", params: { ours: 9, theirs: 6, meetings: 2 } } },
      { name: "breadth", value: 0.5, impact: 5, message: { key: "factor.peopleInvolved", params: { ours: 2, theirs: 1 } } },
    ],
    reason: null,
    last: { kind: "email", direction: "incoming", at: daysFromNow(-3) },
    next: { kind: "appointment", direction: "mutual", at: daysFromNow(1) },
    skippedRows: 0,
    ...overrides,
  };
}

export function kpiSet(overrides: Partial<KpiSet> = {}): KpiSet {
  return {
    windowDays: 60,
    ours: { emails: 14, meetings: 3, calls: 4, minutes: 310 },
    theirs: { emails: 9, meetings: 3, calls: 1, minutes: 190 },
    emailsSent: 14,
    emailsReceived: 9,
    meetings: 3,
    callsMade: 4,
    callsReceived: 1,
    tasks: 2,
    minutesOurs: 310,
    minutesTheirs: 190,
    responseRate: 0.64,
    averageFirstResponseMinutes: 185,
    ourResponseRate: 0.8,
    ourAverageFirstResponseMinutes: 95,
    last: { kind: "phonecall", direction: "outgoing", at: daysFromNow(-2) },
    next: null,
    timeline: [
      { weekStart: "2025-02-17", sent: 3, received: 1, meetings: 1 },
      { weekStart: "2025-02-24", sent: 5, received: 4, meetings: 0 },
      { weekStart: "2025-03-03", sent: 0, received: 2, meetings: 2 },
      { weekStart: "2025-03-10", sent: 6, received: 2, meetings: 0 },
    ],
    skippedRows: 0,
    ...overrides,
  };
}

export function introducer(overrides: Partial<Introducer> = {}): Introducer {
  return {
    userId: "00000000-0000-0000-0000-000000000001",
    fullName: "Ana Popescu",
    title: "Account Manager",
    email: "ana@example.com",
    strength: 82,
    strengthWord: "strong",
    isCurrentUser: false,
    evidence: { meetings: 12, calls: 2, emails: 30, replies: 8, last: daysFromNow(-3) },
    reason: { key: "introducer.reason", params: { meetings: 12, calls: 2, emails: 30, replies: 8, lastDays: 3 } },
    ...overrides,
  };
}

/** Our colleague Ioana Marin knows Malik Osei, who works at the record's account. */
export function introductionPath(overrides: Partial<IntroductionPath> = {}): IntroductionPath {
  const colleague = introducer({
    userId: "00000000-0000-0000-0000-000000000011",
    fullName: "Ioana Marin",
    title: "Solutions Engineer",
    strength: 70,
    strengthWord: "strong",
  });
  return {
    colleague,
    coworker: { id: "00000000-0000-0000-0000-0000000000c1", fullName: "Malik Osei", title: "Head of IT" },
    coworkerStanding: 48,
    strength: 48,
    strengthWord: "good",
    reason: {
      key: "path.reason",
      params: { colleague: "Ioana Marin", coworker: "Malik Osei", meetings: 6, calls: 1, emails: 14, coworkerActivities: 23, coworkerLastDays: 5 },
    },
    ...overrides,
  };
}

/** Two colleagues through two coworkers, and the signed-in user's own path. */
export function pathsList(overrides: Partial<IntroducerList> = {}): IntroducerList {
  const second = introductionPath({
    colleague: introducer({ userId: "00000000-0000-0000-0000-000000000012", fullName: "Dan Voicu", title: null, strength: 30, strengthWord: "weak" }),
    coworker: { id: "00000000-0000-0000-0000-0000000000c2", fullName: "Sofia Lind", title: null },
    coworkerStanding: 60,
    strength: 30,
    strengthWord: "weak",
    reason: {
      key: "path.reason",
      params: { colleague: "Dan Voicu", coworker: "Sofia Lind", meetings: 0, calls: 2, emails: 3, coworkerActivities: 40, coworkerLastDays: 1 },
    },
  });
  const yours = introductionPath({
    colleague: introducer({ userId: "00000000-0000-0000-0000-0000000000aa", fullName: "Radu Stan", isCurrentUser: true, strength: 45, strengthWord: "good" }),
    coworker: { id: "00000000-0000-0000-0000-0000000000c3", fullName: "Pia Holm", title: "CFO" },
    strength: 35,
    strengthWord: "weak",
  });
  return introducerList({ paths: [introductionPath(), second], yourPaths: [yours], ...overrides });
}

export function introducerList(overrides: Partial<IntroducerList> = {}): IntroducerList {
  return {
    introducers: [
      introducer(),
      introducer({
        userId: "00000000-0000-0000-0000-000000000002",
        fullName: "Mihai Ionescu",
        title: null,
        strength: 55,
        strengthWord: "good",
        reason: { key: "introducer.reasonUndated", params: { meetings: 0, calls: 3, emails: 9, replies: 2 } },
      }),
      introducer({ userId: "00000000-0000-0000-0000-000000000003", fullName: "Elena Dumitru", strength: 21, strengthWord: "weak" }),
    ],
    you: introducer({ userId: "00000000-0000-0000-0000-0000000000aa", fullName: "Radu Stan", strength: 40, strengthWord: "good", isCurrentUser: true }),
    paths: [],
    yourPaths: [],
    pathsNote: null,
    mailboxNote: null,
    ...overrides,
  };
}

const ALL_ON: EffectiveFeatures = { analytics: true, healthScore: true, whoKnowsWhom: true, mailboxData: true, offReasons: {} };

export function consentView(consent: ConsentState, overrides: Partial<ConsentView> = {}): ConsentView {
  return { consent, effective: ALL_ON, isAdmin: true, ...overrides };
}

export const CONSENT_STATES: Record<ConsentState["kind"], ConsentState> = {
  notActivated: { kind: "notActivated" },
  pending: { kind: "pending", activatedOn: daysFromNow(-4), deadline: daysFromNow(10), daysLeft: 10 },
  granted: { kind: "granted", grantedOn: daysFromNow(-1) },
  lapsed: { kind: "lapsed", activatedOn: daysFromNow(-20), lapsedOn: daysFromNow(-6) },
};

export const ready = <T,>(data: T) => (): Promise<LoadResult<T>> => Promise.resolve({ kind: "ready", data });
export const never = <T,>() => (): Promise<LoadResult<T>> => new Promise(() => undefined);

/**
 * One loader per state a widget can show besides its data: the non-data LoadResults and every
 * DataError kind a loader may throw. `state` is the WidgetState kind StateView should show.
 */
export interface StateCase {
  name: string;
  state: string;
  load: () => Promise<LoadResult<never>>;
  retry: boolean;
}

const resolved = (result: LoadResult<never>) => () => Promise.resolve(result);
const thrown = (kind: DataErrorKind, options: { table?: string; retryAfterSeconds?: number } = {}) => () =>
  Promise.reject(new DataError(kind, `test ${kind}`, options));

export const STATE_CASES: StateCase[] = [
  { name: "unsaved", state: "unsaved", load: resolved({ kind: "unsaved" }), retry: false },
  { name: "no record", state: "noRecord", load: resolved({ kind: "noRecord" }), retry: false },
  {
    name: "unsupported record type",
    state: "unsupportedRecordType",
    load: resolved({ kind: "unsupportedRecordType", type: "opportunity" }),
    retry: false,
  },
  { name: "not activated", state: "featureOff", load: resolved({ kind: "featureOff", reason: { kind: "notActivated" } }), retry: false },
  { name: "disabled by admin", state: "featureOff", load: resolved({ kind: "featureOff", reason: { kind: "disabledByAdmin" } }), retry: false },
  {
    name: "consent lapsed",
    state: "featureOff",
    load: resolved({ kind: "featureOff", reason: { kind: "consentLapsed", since: daysFromNow(-6) } }),
    retry: false,
  },
  {
    name: "geography unsupported",
    state: "featureOff",
    load: resolved({ kind: "featureOff", reason: { kind: "geographyUnsupported" } }),
    retry: false,
  },
  { name: "no privilege", state: "noPrivilege", load: thrown("noPrivilege"), retry: false },
  { name: "no privilege on a table", state: "noPrivilege", load: thrown("noPrivilege", { table: "appointment" }), retry: false },
  { name: "not found", state: "notFound", load: thrown("notFound"), retry: false },
  { name: "throttled", state: "throttled", load: thrown("throttled"), retry: true },
  { name: "throttled with a wait", state: "throttled", load: thrown("throttled", { retryAfterSeconds: 30 }), retry: true },
  { name: "server error", state: "serverError", load: thrown("server"), retry: true },
  { name: "offline", state: "offline", load: thrown("offline"), retry: true },
  { name: "aggregate limit", state: "aggregateLimit", load: thrown("aggregateLimit"), retry: false },
  { name: "host without data access", state: "unavailable", load: thrown("unavailable"), retry: false },
  { name: "invalid input", state: "invalidInput", load: thrown("invalidInput"), retry: false },
  { name: "unknown failure", state: "unknownError", load: () => Promise.reject(new Error("boom")), retry: true },
];
