import { DISPLAY_TIME_ZONE } from '@/composables/useDateTimeFormat';

/**
 * A shift's time as people read it, in China: "2026/05/20 09:00–12:00", or both ends in full when
 * it runs past midnight.
 */
export function formatShiftRange(locale: string, startsAt: string, endsAt: string): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: DISPLAY_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (day.format(start) === day.format(end)) {
    return `${day.format(start)} ${time.format(start)}–${time.format(end)}`;
  }
  return `${day.format(start)} ${time.format(start)} – ${day.format(end)} ${time.format(end)}`;
}

/**
 * A China wall-clock time from the form ('YYYY-MM-DD HH:mm:ss', picked as Beijing time whatever the
 * browser's zone) as the API's ISO instant.
 */
export function chinaWallClockToIso(value: string): string {
  return new Date(`${value.replace(' ', 'T')}+08:00`).toISOString();
}

/**
 * The API's ISO instant as the form's China wall-clock value ('YYYY-MM-DD HH:mm:ss'): the inverse of
 * chinaWallClockToIso, so an edited shift shows the Beijing times it was entered in.
 */
export function isoToChinaWallClock(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: DISPLAY_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`;
}
