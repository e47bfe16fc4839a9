import type { Translate } from "./i18n";

/** Everything the views display as a date, number or duration goes through this. */
export interface Formatter {
  date(d: Date): string;
  dateTime(d: Date): string;
  number(n: number, decimals?: number): string;
  /** 0..1 → "42%" (the way the user's language writes it). */
  percent(ratio: number): string;
  /** Minutes → "2 h 30 min". */
  duration(minutes: number): string;
  /** A calendar day key "YYYY-MM-DD" (already in the user's time zone: not shifted again). */
  day(key: string): string;
}

/**
 * The part of PCF's `context.formatting` we use (same names and signatures, so the host object fits
 * as is). It honours the user's personal date and number formats.
 */
export interface HostFormatting {
  formatDateShort(value: Date, includeTime?: boolean): string;
  formatInteger(value: number): string;
  formatDecimal(value: number, precision?: number): string;
}

/**
 * Moves a UTC instant to the user's (Dynamics) time zone: the returned Date's local fields
 * (getFullYear, getMonth, getDate, getHours…) read as the user's wall-clock time, which is what
 * PCF's formatting functions print.
 */
export interface UserTimeZone {
  toLocal(d: Date): Date;
}

export function makeFormatter(t: Translate, formatting: HostFormatting, timeZone: UserTimeZone): Formatter {
  const integer = (n: number) => formatting.formatInteger(Math.round(n));
  const date = (d: Date) => formatting.formatDateShort(timeZone.toLocal(d));

  return {
    date,
    day: (key) => {
      const [year, month, dayOfMonth] = key.split("-").map(Number);
      return formatting.formatDateShort(new Date(year, month - 1, dayOfMonth));
    },
    dateTime: (d) => formatting.formatDateShort(timeZone.toLocal(d), true),
    number: (n, decimals) => (decimals ? formatting.formatDecimal(n, decimals) : integer(n)),
    percent: (ratio) => t("format.percent", { value: integer(ratio * 100) }),
    duration: (minutes) => {
      const total = Math.max(0, Math.round(minutes));
      const hours = Math.floor(total / 60);
      const rest = total % 60;
      if (hours === 0) return t("format.minutes", { minutes: rest });
      if (rest === 0) return t("format.hours", { hours: integer(hours) });
      return t("format.hoursMinutes", { hours: integer(hours), minutes: rest });
    },
  };
}
