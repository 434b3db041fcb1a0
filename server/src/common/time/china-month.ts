import { chinaDay, chinaDayStart } from './china-day.js';

/** China keeps one offset all year (UTC+8, no daylight saving since 1991), so wall-clock arithmetic is a fixed shift. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The instant the calendar month in China that contains `instant` starts, moved by `months` (negative
 * goes back): `chinaMonthStart(t, 1)` is the first midnight of next month in Beijing time.
 */
export function chinaMonthStart(instant: Date, months = 0): Date {
  const [year, month] = chinaDay(instant).split('-').map(Number) as [number, number];
  return chinaDayStart(new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10));
}

/**
 * The same wall-clock time in China `months` calendar months later (earlier when negative); a day that
 * the target month lacks becomes its last day (31 March − 1 month = 28 or 29 February).
 */
export function addChinaMonths(instant: Date, months: number): Date {
  const local = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const moved = Date.UTC(
    year,
    month,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(moved - CHINA_OFFSET_MS);
}
