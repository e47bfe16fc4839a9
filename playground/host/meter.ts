/**
 * Each control gets its own view of the one stand-in, so the request panel can say what each
 * widget asked for: method, table, time and the size of the answer as JSON on the wire.
 */

export interface MeteredRequest {
  control: string;
  method: string;
  entity: string;
  /** Start, in ms since the page started (performance.now()). */
  startedAt: number;
  durationMs: number;
  /** UTF-8 bytes of the answer (or the error) as JSON. */
  bytes: number;
  ok: boolean;
  /** What a failed request was told (Dataverse message, or the stand-in saying what it cannot answer). */
  error?: string;
}

const encoder = new TextEncoder();

function sizeOf(value: unknown): number {
  try {
    return encoder.encode(JSON.stringify(value) ?? "").length;
  } catch {
    return 0;
  }
}

function failureText(error: unknown): string {
  if (error instanceof Error) return error.message;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === "string" ? message : String(error);
}

type WebApiMethod = "retrieveMultipleRecords" | "retrieveRecord" | "createRecord" | "updateRecord" | "deleteRecord";
const METHODS: WebApiMethod[] = ["retrieveMultipleRecords", "retrieveRecord", "createRecord", "updateRecord", "deleteRecord"];

export interface MeterEvents {
  started(): void;
  finished(request: MeteredRequest): void;
}

export function meteredWebApi(webAPI: ComponentFramework.WebApi, control: string, events: MeterEvents): ComponentFramework.WebApi {
  const metered: Partial<Record<WebApiMethod, unknown>> = {};
  for (const method of METHODS) {
    const original = (webAPI[method] as (...args: unknown[]) => Promise<unknown>).bind(webAPI);
    metered[method] = async (...args: unknown[]) => {
      const startedAt = performance.now();
      events.started();
      const done = (ok: boolean, answer: unknown) =>
        events.finished({
          control,
          method,
          entity: String(args[0]),
          startedAt,
          durationMs: performance.now() - startedAt,
          bytes: sizeOf(answer),
          ok,
          ...(ok ? {} : { error: failureText(answer) }),
        });
      try {
        const answer = await original(...args);
        done(true, answer);
        return answer;
      } catch (error) {
        done(false, error);
        throw error;
      }
    };
  }
  return metered as unknown as ComponentFramework.WebApi;
}
