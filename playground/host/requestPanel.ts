/**
 * The request panel: per widget, how many requests, how long from the first request's start to the
 * last answer, bytes received, failures and the time to its first meaningful render; then each request.
 */
import type { MeteredRequest } from "./meter";

interface PanelState {
  controls: Record<string, { meaningfulRenderMs: number | null }>;
  requests: MeteredRequest[];
}

const ms = (value: number) => `${Math.round(value)} ms`;
const kib = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KiB`);

function row(cells: string[], header = false, numeric: boolean[] = []): HTMLTableRowElement {
  const tr = document.createElement("tr");
  cells.forEach((text, index) => {
    const cell = document.createElement(header ? "th" : "td");
    if (header) cell.setAttribute("scope", "col");
    if (numeric[index]) cell.className = "num";
    cell.textContent = text;
    tr.appendChild(cell);
  });
  return tr;
}

function table(caption: string, head: string[], rows: string[][], numeric: boolean[]): HTMLTableElement {
  const element = document.createElement("table");
  const captionElement = document.createElement("caption");
  captionElement.textContent = caption;
  captionElement.style.textAlign = "left";
  element.append(captionElement, row(head, true, numeric), ...rows.map((cells) => row(cells, false, numeric)));
  return element;
}

export function renderRequestPanel(panel: HTMLElement, state: PanelState): void {
  const heading = document.createElement("h2");
  heading.textContent = "Requests per widget";
  const summary = Object.entries(state.controls).map(([control, { meaningfulRenderMs }]) => {
    const own = state.requests.filter((request) => request.control === control);
    const start = Math.min(...own.map((request) => request.startedAt));
    const end = Math.max(...own.map((request) => request.startedAt + request.durationMs));
    return [
      control,
      String(own.length),
      own.length ? ms(end - start) : "—",
      kib(own.reduce((sum, request) => sum + request.bytes, 0)),
      String(own.filter((request) => !request.ok).length),
      meaningfulRenderMs === null ? "…" : ms(meaningfulRenderMs),
    ];
  });
  const numeric = [false, true, true, true, true, true];
  const each = state.requests.map((request) => [
    request.control,
    request.method,
    request.entity,
    ms(request.startedAt),
    ms(request.durationMs),
    kib(request.bytes),
    request.ok ? "ok" : `failed: ${request.error ?? ""}`,
  ]);
  panel.replaceChildren(
    heading,
    table("Summary", ["Widget", "Requests", "Time", "Received", "Failed", "First render"], summary, numeric),
    document.createElement("br"),
    table("Every request (start is ms since the page opened)", ["Widget", "Method", "Table", "Start", "Time", "Received", "Result"], each, [false, false, false, true, true, true, false]),
  );
}
