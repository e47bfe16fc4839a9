import { DataError } from "../../shared/errors";
import { createQueryCache, pageCache } from "../../shared/transport/cache";
import { classifyFailure } from "../../shared/transport/classify";
import { createDataverseClient, type DataverseClient } from "../../shared/transport/client";
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
const query = { entity: "activitypointer", fetchXml: "<fetch><entity name='activitypointer'/></fetch>" };

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
    [{ errorCode: -2147164125, message: "AggregateQueryRecordLimit exceeded" }, "aggregateLimit"],
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
    const parts = await fetchAcrossWindow(fake, (w) => ({ entity: "activitypointer", fetchXml: `${w.from.toISOString()}|${w.to.toISOString()}` }), window);
    expect(parts).toHaveLength(4);
    expect(parts.map((p) => p[0].from)).toEqual([0, 15, 30, 45].map((d) => new Date(from.getTime() + d * DAY).toISOString()));
  });

  it("reports the limit when a single day is still too big", async () => {
    const fake = { fetch: () => Promise.reject(new DataError("aggregateLimit", "limit")) } as unknown as DataverseClient;
    const window = { from, to: new Date(from.getTime() + 4 * DAY) };
    await expect(fetchAcrossWindow(fake, () => query, window)).rejects.toMatchObject({ kind: "aggregateLimit" });
  });
});
