const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in China. Due dates and deadlines are days in
 * Asia/Shanghai, so "overdue" flips at local midnight, not at UTC midnight (08:00 in China).
 */
export function chinaDay(instant: Date): string {
  return CHINA_DAY.format(instant);
}

/** The instant a China calendar day starts, for filtering timestamps by day. */
export function chinaDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
