const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Dates of the demo's history, relative to the moment of seeding, so the district looks like it has
 * been in use for about a year whenever it is seeded (organisations verified after they registered,
 * people signed up over the months), and never lies in the future.
 */
export class Timeline {
  constructor(private readonly now: Date) {}

  daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY_MS);
  }

  /** `days` after `date`, but not later than now. */
  daysAfter(date: Date, days: number): Date {
    return new Date(Math.min(date.getTime() + days * DAY_MS, this.now.getTime()));
  }
}
