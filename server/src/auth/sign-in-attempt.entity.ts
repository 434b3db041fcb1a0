import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * Wrong passwords (at sign-in, and when a signed-in person re-confirms theirs), counted per account key
 * and per IP over a window (`rate-limit.ts`). Kept in PostgreSQL rather than in memory so the limit
 * holds across server processes.
 */
@Entity({ tableName: 'sign_in_attempt' })
@Index({ properties: ['key', 'at'] })
export class SignInAttempt {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @Property({ type: 'string', length: 300 })
  key!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at: Date & Opt = new Date();
}
