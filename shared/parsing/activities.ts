import type { ActivitySummary, EmailThreadStat } from "../model";
import { CALL_DIRECTION_KEY, CONVERSATION_INDEX_KEY, EMAIL_DIRECTION_KEY } from "../queries/activities";
import { directionOf } from "./direction";
import { parseRows, type Parsed, type RowReader } from "./rows";

function summary(row: RowReader, dateKey: "actualend" | "scheduledstart"): ActivitySummary {
  const kind = row.activityKind("activitytypecode");
  const directionKey = kind === "email" ? EMAIL_DIRECTION_KEY : CALL_DIRECTION_KEY;
  const directioncode = kind === "email" || kind === "phonecall" ? row.optionalBoolean(directionKey) : null;
  row.guid("activityid");
  return { kind, direction: directionOf(kind, directioncode), at: row.date(dateKey) };
}

/** Rows of lastActivityQuery (dated by actualend). */
export function parseLastActivity(entities: readonly unknown[]): Parsed<ActivitySummary> {
  return parseRows(entities, (row) => summary(row, "actualend"));
}

/** Rows of nextActivityQuery (dated by scheduledstart). */
export function parseNextActivity(entities: readonly unknown[]): Parsed<ActivitySummary> {
  return parseRows(entities, (row) => summary(row, "scheduledstart"));
}

// A conversation index is a 22-byte header shared by the whole thread, then 5 bytes per reply.
const HEADER_BYTES = 22;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The thread an email belongs to. An Outlook conversation index (hex, or base64 as in the
 * Thread-Index mail header) grows by a block per reply, so its 22-byte header names the thread;
 * any other value is taken as an opaque thread id shared by the thread's emails. Null when empty.
 */
export function threadKey(conversationIndex: string): string | null {
  if (conversationIndex.trim() === "") return null;
  // Hex digits are also base64 letters: a hex value is read as hex only.
  if (HEX.test(conversationIndex)) {
    return conversationIndex.length >= HEADER_BYTES * 2 ? conversationIndex.slice(0, HEADER_BYTES * 2).toLowerCase() : conversationIndex;
  }
  return base64Header(conversationIndex) ?? conversationIndex;
}

function base64Header(value: string): string | null {
  if (!BASE64.test(value) || value.length % 4 !== 0) return null;
  let bytes: string;
  try {
    bytes = atob(value);
  } catch {
    return null;
  }
  if (bytes.length < HEADER_BYTES) return null;
  return Array.from(bytes.slice(0, HEADER_BYTES), (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("");
}

interface ThreadEmail {
  thread: string;
  outgoing: boolean;
  at: Date;
}

/**
 * Rows of emailThreadsQuery folded into threads: who wrote first and when the other side first
 * answered. A thread they started and we answered is an answered thread of theirs, never an
 * unanswered one of ours.
 */
export function parseEmailThreads(entities: readonly unknown[]): Parsed<EmailThreadStat> {
  const rows = parseRows<ThreadEmail>(entities, (row) => {
    row.guid("activityid");
    const thread = threadKey(row.string(CONVERSATION_INDEX_KEY)) ?? row.reject(CONVERSATION_INDEX_KEY);
    const outgoing = row.optionalBoolean(EMAIL_DIRECTION_KEY) ?? row.reject(EMAIL_DIRECTION_KEY);
    return { thread, outgoing, at: row.date("actualend") };
  });
  const threads = new Map<string, ThreadEmail[]>();
  for (const email of rows.items) threads.set(email.thread, [...(threads.get(email.thread) ?? []), email]);
  const items: EmailThreadStat[] = [];
  for (const emails of threads.values()) {
    const ordered = [...emails].sort((x, y) => x.at.getTime() - y.at.getTime());
    const start = ordered[0];
    const answer = ordered.find((e) => e.outgoing !== start.outgoing && e.at > start.at);
    items.push({ startedBy: start.outgoing ? "us" : "them", startedAt: start.at, answeredAt: answer?.at ?? null });
  }
  items.sort((x, y) => x.startedAt.getTime() - y.startedAt.getTime());
  return { items, skipped: rows.skipped };
}
