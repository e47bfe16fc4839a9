/**
 * `?now=ISO` moves the page's clock, so the controls (which read `new Date()`) and the seeded
 * stand-in agree on "today". Imported first by main.tsx, before anything reads the time.
 * The clock keeps ticking from the given instant. Dev-only: never do this in shipped code.
 */
const requested = new URLSearchParams(window.location.search).get("now");
const fixed = requested ? Date.parse(requested) : NaN;

export const CLOCK_SHIFTED = !Number.isNaN(fixed);

if (CLOCK_SHIFTED) {
  const RealDate = Date;
  const offset = fixed - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static now(): number {
      return RealDate.now() + offset;
    }
  }
  (globalThis as { Date: DateConstructor }).Date = ShiftedDate as unknown as DateConstructor;
}
