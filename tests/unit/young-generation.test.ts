// Loads reflect-metadata, which type-graphql needs, with the server.
import '@gongzhi/server';
import type { Context } from '@gongzhi/server/src/app/context.js';
import { uuidv7 } from '@gongzhi/server/src/common/ids/uuid-v7.js';
import { compileAnswers } from '@gongzhi/server/src/common/lookahead/precompiled.js';
import { column, defineSqlShape } from '@gongzhi/server/src/common/lookahead/sql-shape.js';
import { isObjectType, parse, type OperationDefinitionNode } from 'graphql';
import { buildSchema, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { MB, oldGenerationGrowth } from '../support/young-generation.js';

/**
 * Request paths must not keep a finished request's objects alive through V8's young collections (ADR
 * 0021): each case below once did, and the old generation then filled with garbage fast enough to need
 * a full collection every few seconds under load.
 */
describe('what a finished request leaves in the old generation', () => {
  it('is measured: a context kept alive by something live shows', () => {
    const kept: object[] = [];
    const growth = oldGenerationGrowth(1000, (context) => kept.push(context));
    expect(kept).toHaveLength(1000);
    expect(growth).toBeGreaterThan(5 * MB);
  });

  it('ids made inside requests keep nothing (the random bytes come from a pool filled outside them)', () => {
    expect(oldGenerationGrowth(3000, () => uuidv7())).toBeLessThan(1 * MB);
  });

  it("a compiled selection's scope keeps nothing (a class, not an object literal with a getter)", async () => {
    @ObjectType()
    class Probe {
      @Field(() => String)
      title!: string;

      @Field(() => String)
      day!: string;
    }

    @Resolver(() => Probe)
    class ProbeResolver {
      @Query(() => Probe, { nullable: true })
      probe(): Probe | null {
        return null;
      }
    }

    const schema = await buildSchema({ resolvers: [ProbeResolver], validate: false, authChecker: () => false });
    defineSqlShape('Probe', { fields: { title: column('title'), day: { kind: 'value', sql: (_row, scope) => scope.today } } });
    const type = schema.getType('Probe');
    const query = parse('{ probe { title day } }').definitions[0] as OperationDefinitionNode;
    const selection = query.selectionSet.selections[0]!;
    if (!isObjectType(type) || selection.kind !== 'Field' || !selection.selectionSet) {
      throw new Error('the probe schema is not as written');
    }
    const operation = { variableValues: {}, fragments: {} };
    const growth = oldGenerationGrowth(3000, (context) => {
      const ctx = { ...context, em: { isInTransaction: () => false } } as unknown as Context;
      expect(compileAnswers(ctx, operation, type, 'probe', [selection.selectionSet!], 'text')).toBeDefined();
    });
    expect(growth).toBeLessThan(1 * MB);
  });
});

describe('uuidv7', () => {
  it('makes version 7 ids, unique and in the order they were made, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7());
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('starts with the time it was made, in milliseconds', () => {
    const before = Date.now();
    const id = uuidv7();
    const after = Date.now();
    const msecs = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(msecs).toBeGreaterThanOrEqual(before);
    expect(msecs).toBeLessThanOrEqual(after + 1);
  });
});
