import { todayInChina } from '@/features/projects/calendar-day';

/** The periods offered on the dashboard; `custom` is any range of days. */
export const PERIOD_PRESETS = ['thisYear', 'lastYear', 'last12Months', 'thisQuarter', 'thisMonth', 'last30Days', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/** A range of calendar days in China (YYYY-MM-DD), both included, as the hotline reports count. */
export interface DayPeriod {
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parts(day: string): [number, number, number] {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return [year, month, date];
}

/** Calendar arithmetic on day strings, in UTC so the browser's zone never shifts a day. */
export function addDays(day: string, days: number): string {
  const [year, month, date] = parts(day);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function firstOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
}

export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today = todayInChina()): DayPeriod {
  const [year, month] = parts(today);
  switch (preset) {
    case 'thisYear':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'last12Months':
      // Twelve calendar months, this one included: the region dashboard's default, as the API's.
      return { from: firstOfMonth(year, month - 11), to: addDays(firstOfMonth(year, month + 1), -1) };
    case 'thisQuarter': {
      const first = month - ((month - 1) % 3);
      return { from: firstOfMonth(year, first), to: addDays(firstOfMonth(year, first + 3), -1) };
    }
    case 'thisMonth':
      return { from: firstOfMonth(year, month), to: addDays(firstOfMonth(year, month + 1), -1) };
    case 'last30Days':
      return { from: addDays(today, -29), to: today };
  }
}

/** The preset a period is, if any (to show it selected when it comes from a URL). */
export function presetOf(period: DayPeriod, today = todayInChina()): PeriodPreset {
  const found = PERIOD_PRESETS.find((preset) => {
    if (preset === 'custom') {
      return false;
    }
    const candidate = presetPeriod(preset, today);
    return candidate.from === period.from && candidate.to === period.to;
  });
  return found ?? 'custom';
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY.test(value) && !Number.isNaN(Date.parse(value));
}

/** The API's half-open instants [from, to) for a range of China days: from its first midnight to the one after its last day. */
export function periodInstants(period: DayPeriod): { from: string; to: string } {
  return { from: `${period.from}T00:00:00+08:00`, to: `${addDays(period.to, 1)}T00:00:00+08:00` };
}
