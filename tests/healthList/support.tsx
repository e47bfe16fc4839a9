/**
 * What the health list tests share: rows as a view gives them, entries as the loader gives them,
 * and a host whose strings are the control's own.
 */
import * as React from "react";
import { render } from "@testing-library/react";
import type { DatasetPage, ListRow } from "../../components/RelationshipHealthList/dataset";
import type { HealthListEntry } from "../../shared/data/healthList";
import type { LoadEntries } from "../../components/RelationshipHealthList/entry";
import {
  RelationshipHealthListView,
  type RelationshipHealthListViewProps,
} from "../../components/RelationshipHealthList/RelationshipHealthListView";
import { DataError, type DataErrorKind } from "../../shared/errors";
import type { HealthScore, LoadResult, RecordType } from "../../shared/model";
import type { WidgetHostProps } from "../../shared/ui/types";
import { daysFromNow, healthScore } from "../ui/fixtures";
import { makeTranslate, type Translate } from "../../shared/ui/i18n";
import { controlStrings, host, settle, type Language, type TestHost } from "../ui/harness";

export const CTOR = "RelationshipHealthList";

export function listHost(language: Language = 1033, overrides: Partial<WidgetHostProps> = {}): TestHost {
  const strings = controlStrings(CTOR, language);
  const lookup = makeTranslate((key) => strings[key] ?? "");
  // A view fills the page's main area; narrower hosts (subgrids, phones) say so.
  const base = host(CTOR, language, { width: 1000, ...overrides });
  const t: Translate = (key, params) => {
    base.requested.add(key);
    return lookup(key, params);
  };
  return { ...base, t, ...(overrides.t ? { t: overrides.t } : {}) };
}

/** Ids the way the loader keys them (lower case) and the host spells them (braces, upper case). */
export function guid(n: number): string {
  return `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
}

export function row(n: number, name: string, cells: Record<string, string> = {}): ListRow {
  return { key: `{${guid(n).toUpperCase()}}`, id: guid(n), name, cells };
}

export function page(rows: ListRow[], overrides: Partial<DatasetPage> = {}): DatasetPage {
  return {
    table: "contact",
    recordType: "contact",
    rows,
    columns: [],
    loading: false,
    failed: false,
    total: null,
    hasNextPage: false,
    ...overrides,
  };
}

export function scoredEntry(n: number, overrides: Partial<HealthScore> = {}, type: RecordType = "contact", extra: Partial<HealthListEntry> = {}): HealthListEntry {
  return {
    record: { type, id: guid(n) },
    outcome: { kind: "scored", score: healthScore(overrides) },
    estimatedCloseDate: null,
    estimatedValue: null,
    ...extra,
  };
}

export function failedEntry(n: number, kind: DataErrorKind, type: RecordType = "contact"): HealthListEntry {
  return { record: { type, id: guid(n) }, outcome: { kind: "failed", error: new DataError(kind, `test ${kind}`) }, estimatedCloseDate: null, estimatedValue: null };
}

export const notEnoughInfo: Partial<HealthScore> = {
  status: "notEnoughInfo",
  score: null,
  grade: null,
  trend: "notEnoughInfo",
  factors: [],
  reason: { key: "score.tooFewInteractions", params: { count: 1, minimum: 3, days: 60 } },
};

export const notApplicable: Partial<HealthScore> = {
  status: "notApplicable",
  score: null,
  grade: null,
  trend: "notEnoughInfo",
  factors: [],
  reason: { key: "score.opportunityWon" },
};

/** A poor, declining record nobody answered for 40 days. */
export const poorDeclining: Partial<HealthScore> = {
  score: 22,
  grade: "poor",
  trend: "declining",
  factors: [
    { name: "recency", value: 0.1, impact: -27, message: { key: "factor.noReplyDays", params: { days: 40 } } },
    { name: "frequency", value: 0.3, impact: -10, message: { key: "factor.belowCadence", params: { count: 2, expected: 8, days: 60 } } },
  ],
  last: { kind: "email", direction: "outgoing", at: daysFromNow(-2) },
  next: null,
};

/** A loader that answers from a fixed set of entries and records what it was asked. */
export function fakeLoader(entries: HealthListEntry[]): LoadEntries & { calls: string[][] } {
  const byId = new Map(entries.map((entry) => [entry.record.id, entry]));
  const calls: string[][] = [];
  const load = (ids: string[]): Promise<LoadResult<Map<string, HealthListEntry>>> => {
    calls.push(ids);
    return Promise.resolve({ kind: "ready", data: new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : []))) });
  };
  return Object.assign(load, { calls });
}

export interface Shown {
  props: RelationshipHealthListViewProps & TestHost;
  opened: ListRow[];
  sortedBy: string[];
  more: number[];
  refreshed: number[];
  rerender(next: Partial<RelationshipHealthListViewProps>): Promise<void>;
  container: HTMLElement;
}

export async function show(
  listPage: DatasetPage,
  load: LoadEntries,
  options: { language?: Language; host?: Partial<WidgetHostProps> } = {},
): Promise<Shown> {
  const opened: ListRow[] = [];
  const sortedBy: string[] = [];
  const more: number[] = [];
  const refreshed: number[] = [];
  const props: RelationshipHealthListViewProps & TestHost = {
    ...listHost(options.language ?? 1033, options.host),
    page: listPage,
    load,
    onOpen: (r) => opened.push(r),
    onSortColumn: (name) => sortedBy.push(name),
    onLoadMore: () => more.push(1),
    onRefresh: () => refreshed.push(1),
  };
  const utils = render(<RelationshipHealthListView {...props} />);
  await settle();
  return {
    props,
    opened,
    sortedBy,
    more,
    refreshed,
    container: utils.container,
    rerender: async (next) => {
      utils.rerender(<RelationshipHealthListView {...props} {...next} />);
      await settle();
    },
  };
}
