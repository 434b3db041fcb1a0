import { DISPLAY_TIME_ZONE } from '@/composables/useDateTimeFormat';

/** Today as the API's `Date` scalar (YYYY-MM-DD) in China, whatever the browser's own zone. */
export function todayInChina(now = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
