import { UTC } from "../../shared/analytics/time";
import { DataError, isDataError } from "../../shared/errors";
import { attribute, entity, fetchElement, toFetchQuery } from "../../shared/queries/fetchXml";
import { createQueryCache, pageCache } from "../../shared/transport/cache";
import { classifyFailure } from "../../shared/transport/classify";
import { createDataverseClient, MAX_FETCH_PAGES, type DataverseClient } from "../../shared/transport/client";
import { fetchAcrossWindow } from "../../shared/transport/split";

/** A webAPI whose answers the test scripts one call at a time. */
function scriptedWebApi(answers: Array<() => Promise<unknown>>) {
  const calls: string[] = [];
  const next = (label: string) => {
    calls.push(label);
    const answer = answers.shift();
    if (!answer) throw new Error("unexpected request");
    return answer();
  };
  const webApi = {
    retrieveMultipleRecords: (entity: string, options?: string) => next(`${entity}${options ?? ""}`),
    createRecord: (entity: string) => next(`create ${entity}`),
    updateRecord: (entity: string, id: string) => next(`update ${entity} ${id}`),
    retrieveRecord: () => Promise.reject(new Error("not scripted")),
    deleteRecord: () => Promise.reject(new Error("not scripted")),
  } as unknown as ComponentFramework.WebApi;
  return { webApi, calls };
}

const rows = (...entities: object[]) => () => Promise.resolve({ entities, nextLink: undefined });
// The host rejects with plain objects, not Errors: exactly what the transport must cope with.
// eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
const reject = (failure: unknown) => () => Promise.reject(failure);
const query = toFetchQuery("activitypointer", fetchElement({}, entity("activitypointer", attribute("activityid"))));
/** The FetchXML a logged call carried. */
const fetchXmlOf = (call: string) => decodeURIComponent(call.slice(call.indexOf("?fetchXml=") + "?fetchXml=".length));

/** Failures exactly as the client API documents them: a positive errorCode and a message, no HTTP status. */
const CLIENT_API = {
  throttled: { errorCode: 0x80072322, message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds." },
  aggregateLimit: { errorCode: 2147803171, message: "AggregateQueryRecordLimit exceeded. Cannot perform this operation." },
  noPrivilege: { errorCode: 0x80040220, message: "Principal user is missing prvReadActivityPointer privilege" },
  server: { errorCode: 0x80040216, message: "An unexpected error occurred." },
};

function client(webApi: ComponentFramework.WebApi, waits: number[] = []): DataverseClient {
  return createDataverseClient(webApi, {
    cache: createQueryCache(30_000),
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
}

describe("transport client", () => {
  it("sends FetchXML url-encoded and returns the rows", async () => {
    const { webApi, calls } = scriptedWebApi([rows({ n: 1 })]);
    await expect(client(webApi).fetch(query)).resolves.toEqual([{ n: 1 }]);
    expect(calls).toEqual([`activitypointer?fetchXml=${encodeURIComponent(query.fetchXml)}`]);
  });

  it("waits for Retry-After on 429 and retries", async () => {
    const waits: number[] = [];
    const { webApi, calls } = scriptedWebApi([
      reject({ status: 429, errorCode: -2147015902, message: "Number of requests exceeded", headers: { "Retry-After": "3" } }),
      rows({ n: 2 }),
    ]);
    await expect(client(webApi, waits).fetch(query)).resolves.toEqual([{ n: 2 }]);
    expect(waits).toEqual([3000]);
    expect(calls).toHaveLength(2);
  });

  it("gives up after the bounded number of throttled retries, keeping Retry-After", async () => {
    const throttled = reject({ status: 429, retryAfterSeconds: 2 });
    const { webApi, calls } = scriptedWebApi([throttled, throttled, throttled, throttled, throttled]);
    const failure = await client(webApi).fetch(query).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as DataError).kind).toBe("throttled");
    expect((failure as DataError).retryAfterSeconds).toBe(2);
    expect(calls).toHaveLength(4);
  });

  it("recognises throttling from the client API's positive code alone, with no HTTP status", async () => {
    const waits: number[] = [];
    const { webApi, calls } = scriptedWebApi([reject({ ...CLIENT_API.throttled, retryAfter: 4 }), reject(CLIENT_API.throttled), rows({ n: 9 })]);
    await expect(client(webApi, waits).fetch(query)).resolves.toEqual([{ n: 9 }]);
    // Retry-After when given; a backoff when the host passed none on.
    expect(waits).toEqual([4000, 2000]);
    expect(calls).toHaveLength(3);
  });

  it("does not sit out a Retry-After longer than its limit: the user gets Retry instead", async () => {
    const waits: number[] = [];
    const { webApi, calls } = scriptedWebApi([reject({ status: 429, retryAfterSeconds: 300 })]);
    await expect(client(webApi, waits).fetch(query)).rejects.toMatchObject({ kind: "throttled", retryAfterSeconds: 300 });
    expect(waits).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it("retries a server error once, then reports it", async () => {
    const { webApi, calls } = scriptedWebApi([reject({ status: 500 }), reject({ status: 503 })]);
    await expect(client(webApi).fetch(query)).rejects.toMatchObject({ kind: "server" });
    expect(calls).toHaveLength(2);
  });

  it("recovers when the one retry after a network failure succeeds", async () => {
    const { webApi } = scriptedWebApi([reject(new TypeError("Failed to fetch")), rows({ n: 3 })]);
    await expect(client(webApi).fetch(query)).resolves.toEqual([{ n: 3 }]);
  });

  it("reports a missing privilege with the table, without retrying", async () => {
    const { webApi, calls } = scriptedWebApi([reject({ status: 403, errorCode: -2147220960, message: "missing prvReadActivityPointer" })]);
    await expect(client(webApi).fetch(query)).rejects.toMatchObject({ kind: "noPrivilege", table: "activitypointer" });
    expect(calls).toHaveLength(1);
  });

  it("follows FetchXML pages by the paging cookie Dataverse returns, not nextLink", async () => {
    const cookie = '<cookie pagenumber="2" pagingcookie="%253ccookie%2520page%253d%25221%2522%253e%253cactivityid%2520last%253d%2522%257bA%257d%2522%2520%252f%253e%253c%252fcookie%253e" istracking="False" />';
    const { webApi, calls } = scriptedWebApi([
      () => Promise.resolve({ entities: [{ n: 1 }], "@Microsoft.Dynamics.CRM.morerecords": true, "@Microsoft.Dynamics.CRM.fetchxmlpagingcookie": cookie }),
      // The client API's own spelling of the cookie.
      () => Promise.resolve({ entities: [{ n: 2 }], fetchXmlPagingCookie: cookie.replace('pagenumber="2"', 'pagenumber="3"') }),
      rows({ n: 3 }),
    ]);
    await expect(client(webApi).fetch(query)).resolves.toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const second = fetchXmlOf(calls[1]);
    expect(second).toContain('page="2"');
    expect(second).toContain('paging-cookie="&lt;cookie page=&quot;1&quot;&gt;&lt;activityid last=&quot;{A}&quot; /&gt;&lt;/cookie&gt;"');
    expect(fetchXmlOf(calls[2])).toContain('page="3"');
  });

  it("pages an aggregate by number when Dataverse gives no cookie", async () => {
    const { webApi, calls } = scriptedWebApi([() => Promise.resolve({ entities: [{ n: 1 }], "@Microsoft.Dynamics.CRM.morerecords": true }), rows({ n: 2 })]);
    await expect(client(webApi).fetch(query)).resolves.toEqual([{ n: 1 }, { n: 2 }]);
    expect(fetchXmlOf(calls[1])).toContain('page="2"');
    expect(fetchXmlOf(calls[1])).not.toContain("paging-cookie");
  });

  it("says it stopped instead of reading pages without end", async () => {
    const more = () => Promise.resolve({ entities: [{ n: 1 }], "@Microsoft.Dynamics.CRM.morerecords": true });
    const { webApi, calls } = scriptedWebApi(Array.from({ length: MAX_FETCH_PAGES + 1 }, () => more));
    await expect(client(webApi).fetch(query)).rejects.toMatchObject({ kind: "aggregateLimit" });
    expect(calls).toHaveLength(MAX_FETCH_PAGES);
  });

  it("de-duplicates identical queries in flight and serves them from the cache", async () => {
    const { webApi, calls } = scriptedWebApi([rows({ n: 4 })]);
    const c = client(webApi);
    const [a, b] = await Promise.all([c.fetch(query), c.fetch(query)]);
    await c.fetch(query);
    expect(a).toEqual([{ n: 4 }]);
    expect(b).toBe(a);
    expect(calls).toHaveLength(1);
  });

  it("never caches a failure, and refresh() forgets results", async () => {
    const { webApi, calls } = scriptedWebApi([reject({ status: 404 }), rows({ n: 5 }), rows({ n: 6 })]);
    const c = client(webApi);
    await expect(c.fetch(query)).rejects.toMatchObject({ kind: "notFound" });
    await expect(c.fetch(query)).resolves.toEqual([{ n: 5 }]);
    c.refresh();
    await expect(c.fetch(query)).resolves.toEqual([{ n: 6 }]);
    expect(calls).toHaveLength(3);
  });

  it("does not retry a create after a server error (it may exist already) and clears the cache after writes", async () => {
    const { webApi, calls } = scriptedWebApi([
      rows({ n: 7 }),
      reject({ status: 500 }),
      () => Promise.resolve({ id: "a", entityType: "email" }),
      rows({ n: 8 }),
    ]);
    const c = client(webApi);
    await c.fetch(query);
    await expect(c.create("email", {})).rejects.toMatchObject({ kind: "server" });
    await expect(c.create("email", {})).resolves.toBe("a");
    await expect(c.fetch(query)).resolves.toEqual([{ n: 8 }]);
    expect(calls.filter((call) => call.startsWith("create"))).toHaveLength(2);
  });

  it("refuses OData options that are not a query string", () => {
    const { webApi } = scriptedWebApi([]);
    expect(() => client(webApi).query("contact", "contacts?$select=x")).toThrow(DataError);
  });
});

describe("failure classification", () => {
  it.each([
    [{ status: 429 }, "throttled"],
    [{ errorCode: -2147015903 }, "throttled"],
    [{ errorCode: 2147951393 }, "throttled"],
    [{ errorCode: 2147951394 }, "throttled"],
    [{ errorCode: 2147951398 }, "throttled"],
    [CLIENT_API.throttled, "throttled"],
    [{ ...CLIENT_API.throttled, errorDetails: { "Retry-After": "00:01:05" } }, "throttled"],
    [{ errorCode: -2147164125, message: "AggregateQueryRecordLimit exceeded" }, "aggregateLimit"],
    [CLIENT_API.aggregateLimit, "aggregateLimit"],
    [{ errorCode: 2147803171, message: "The maximum record limit is exceeded. Reduce the number of records." }, "aggregateLimit"],
    [{ message: "The maximum record limit is exceeded. Reduce the number of records." }, "aggregateLimit"],
    [CLIENT_API.noPrivilege, "noPrivilege"],
    [CLIENT_API.server, "server"],
    [{ code: "0x80040220" }, "noPrivilege"],
    [{ status: 404 }, "notFound"],
    [{ status: 502 }, "server"],
    [new TypeError("Failed to fetch"), "offline"],
    [{ message: "retrieveMultipleRecords is not yet supported" }, "unavailable"],
    ["something odd", "unknown"],
    [null, "unknown"],
  ])("%p is %s", (raw, kind) => {
    expect(classifyFailure(raw, "contact").kind).toBe(kind);
  });

  it("reads Retry-After wherever the host puts it: seconds, a header, or the SDK's TimeSpan", () => {
    expect(classifyFailure({ ...CLIENT_API.throttled, headers: { "Retry-After": "7" } }, "contact").retryAfterSeconds).toBe(7);
    expect(classifyFailure({ ...CLIENT_API.throttled, errorDetails: { "Retry-After": "00:01:05" } }, "contact").retryAfterSeconds).toBe(65);
    expect(classifyFailure(CLIENT_API.throttled, "contact").retryAfterSeconds).toBeUndefined();
  });

  it("never copies server text (which may hold record data) into the error message", () => {
    const error = classifyFailure({ status: 500, message: "Contact 'Ana Pop' failed" }, "contact");
    expect(error.message).not.toContain("Ana");
  });
});

describe("page-wide cache", () => {
  it("is shared through the host object per library version", () => {
    const host: Record<string, unknown> = {};
    expect(pageCache("1.0.0.0", host)).toBe(pageCache("1.0.0.0", host));
    expect(pageCache("1.0.0.0", host)).not.toBe(pageCache("1.0.0.1", host));
  });

  it("expires entries after its time to live", async () => {
    let now = 0;
    const cache = createQueryCache(1000, () => now);
    let loads = 0;
    const load = () => Promise.resolve(++loads);
    await cache.get("k", load);
    now = 999;
    await cache.get("k", load);
    now = 1000;
    await expect(cache.get("k", load)).resolves.toBe(2);
  });
});

describe("aggregate limit splitting", () => {
  const DAY = 86_400_000;
  const from = new Date(Date.UTC(2026, 0, 1));

  it("splits the window in halves until each half fits, oldest first", async () => {
    const sent: Array<[string, string]> = [];
    const fake = {
      fetch: (q: { fetchXml: string }) => {
        const [a, b] = q.fetchXml.split("|");
        sent.push([a, b]);
        const days = (Date.parse(b) - Date.parse(a)) / DAY;
        return days > 15 ? Promise.reject(new DataError("aggregateLimit", "limit")) : Promise.resolve([{ from: a }]);
      },
    } as unknown as DataverseClient;
    const window = { from, to: new Date(from.getTime() + 60 * DAY) };
    const parts = await fetchAcrossWindow(fake, (w) => ({ ...query, fetchXml: `${w.from.toISOString()}|${w.to.toISOString()}` }), window, UTC);
    expect(parts).toHaveLength(4);
    expect(parts.map((p) => p[0].from)).toEqual([0, 15, 30, 45].map((d) => new Date(from.getTime() + d * DAY).toISOString()));
  });

  it("reports the limit when a single day is still too big", async () => {
    const fake = { fetch: () => Promise.reject(new DataError("aggregateLimit", "limit")) } as unknown as DataverseClient;
    const window = { from, to: new Date(from.getTime() + 4 * DAY) };
    await expect(fetchAcrossWindow(fake, () => query, window, UTC)).rejects.toMatchObject({ kind: "aggregateLimit" });
  });

  it("splits at the user's midnight, also across a daylight-saving change", async () => {
    // Bucharest: UTC+3 until 2026-10-25 04:00 local, UTC+2 after.
    const bucharest = (at: Date) => (at.getTime() < Date.UTC(2026, 9, 25, 1) ? 180 : 120);
    const starts: string[] = [];
    const fake = {
      fetch: (q: { fetchXml: string }) => {
        const [a, b] = q.fetchXml.split("|");
        starts.push(a);
        return Date.parse(b) - Date.parse(a) > 3 * DAY ? Promise.reject(new DataError("aggregateLimit", "limit")) : Promise.resolve([]);
      },
    } as unknown as DataverseClient;
    const window = { from: new Date("2026-10-22T21:00:00.000Z"), to: new Date("2026-10-28T22:00:00.000Z") };
    await fetchAcrossWindow(fake, (w) => ({ ...query, fetchXml: `${w.from.toISOString()}|${w.to.toISOString()}` }), window, bucharest);
    // 2026-10-26 00:00 in Bucharest is 22:00 UTC the day before (UTC+2 by then), not 21:00.
    expect(starts).toContain("2026-10-25T22:00:00.000Z");
    expect(starts).not.toContain("2026-10-25T21:00:00.000Z");
  });
});

describe("errors across bundles", () => {
  it("a failure made by another control's copy of the data layer is still ours, and still splits", async () => {
    // Each control's bundle has its own copy of every module: load a second copy, as a second bundle would.
    let other: { errors: typeof import("../../shared/errors"); split: typeof import("../../shared/transport/split") } | undefined;
    jest.isolateModules(() => {
      other = {
        errors: jest.requireActual<typeof import("../../shared/errors")>("../../shared/errors"),
        split: jest.requireActual<typeof import("../../shared/transport/split")>("../../shared/transport/split"),
      };
    });
    const foreign = new other!.errors.DataError("aggregateLimit", "limit", { table: "activitypointer" });
    expect(foreign).not.toBeInstanceOf(DataError);
    expect(isDataError(foreign)).toBe(true);
    expect(classifyFailure(foreign, "contact")).toBe(foreign);
    // A page-cache result failed in bundle A reaches bundle B's splitter, which must still split the window.
    let calls = 0;
    const fake = {
      fetch: () => (++calls === 1 ? Promise.reject(foreign) : Promise.resolve([{ ok: calls }])),
    } as unknown as DataverseClient;
    const window = { from: new Date(Date.UTC(2026, 0, 1)), to: new Date(Date.UTC(2026, 0, 9)) };
    await expect(fetchAcrossWindow(fake, () => query, window, UTC)).resolves.toHaveLength(2);
    // And the other way round: our failure is recognised by the other copy.
    const ours = new DataError("throttled", "busy");
    expect(other!.errors.isDataError(ours)).toBe(true);
    await expect(other!.split.fetchAcrossWindow({ fetch: () => Promise.reject(ours) } as unknown as DataverseClient, () => query, window, UTC)).rejects.toBe(ours);
  });
});
