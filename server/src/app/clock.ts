/** The source of "now". Tests inject a fixed clock so deadlines are tested without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
