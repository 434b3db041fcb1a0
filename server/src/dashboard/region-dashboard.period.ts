import { addChinaMonths, chinaMonthStart } from '../common/time/china-month.js';
import type { Period } from './region-dashboard.sql.js';

/** The longest period a dashboard covers: two years (one of them a leap year). Longer ones are refused, not cut. */
export const MAX_PERIOD_DAYS = 731;
const DAY_MS = 86_400_000;

/** Why a period cannot be used, and which argument to blame. */
export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

/**
 * The period a dashboard covers. With neither end given: the last 12 calendar months in China, the
 * current month included (from the first of the month 11 months back to the first of next month, at
 * midnight Beijing time). With one end given, the other is 12 months (same wall-clock time in China)
 * away from it.
 */
export function resolvePeriod(now: Date, from: Date | null | undefined, to: Date | null | undefined): Period | PeriodProblem {
  const end = to ?? (from ? addChinaMonths(from, 12) : chinaMonthStart(now, 1));
  const start = from ?? (to ? addChinaMonths(to, -12) : chinaMonthStart(now, -11));
  if (start.getTime() >= end.getTime()) {
    return { field: 'to', message: 'The period must end after it starts (from before to)' };
  }
  if (end.getTime() - start.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    return { field: 'to', message: `The period may cover at most ${MAX_PERIOD_DAYS} days (two years)` };
  }
  return { from: start, to: end };
}

export function isPeriodProblem(value: Period | PeriodProblem): value is PeriodProblem {
  return 'message' in value;
}
