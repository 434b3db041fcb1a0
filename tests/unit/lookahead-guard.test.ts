// Loads reflect-metadata, which type-graphql needs, with the server.
import '@gongzhi/server';
import { Authorized, buildSchema, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { column, defineSqlShape, sqlShapes } from '@gongzhi/server/src/common/lookahead/sql-shape.js';
import { servePrecompiled } from '@gongzhi/server/src/common/lookahead/serve-precompiled.js';

// A type with one field of each kind the compiler must never read from a column.
@ObjectType()
class Household {
  @Field(() => String)
  name!: string;

  @Authorized()
  @Field(() => String)
  idNumber!: string;

  @Field(() => String)
  phone!: string;
}

@Resolver(() => Household)
class HouseholdResolver {
  @Query(() => Household, { nullable: true })
  household(): Household | null {
    return null;
  }

  // Masks the number unless the viewer may see it: a column read would skip this.
  @FieldResolver(() => String)
  phone(@Root() household: Household): string {
    return household.phone.replace(/\d{4}$/, '****');
  }
}

async function schemaWithShape(fields: Parameters<typeof defineSqlShape>[1]['fields']) {
  const schema = await buildSchema({ resolvers: [HouseholdResolver], validate: false, authChecker: () => false });
  defineSqlShape('Household', { entity: Household, fields });
  return schema;
}

describe('look-ahead shapes are checked against the resolvers at start', () => {
  it('accepts a plain public column', async () => {
    const schema = await schemaWithShape({ name: column('name') });
    expect(() => servePrecompiled(schema)).not.toThrow();
    expect(sqlShapes().get('Household')?.fields.name).toBeDefined();
  });

  it('refuses a column read of a field that has a resolver of its own (masking)', async () => {
    const schema = await schemaWithShape({ name: column('name'), phone: column('phone') });
    expect(() => servePrecompiled(schema)).toThrow(
      'SQL shape Household.phone reads a plain column, but the field has a resolver of its own',
    );
  });

  it('refuses any read of a field guarded by @Authorized', async () => {
    const schema = await schemaWithShape({ idNumber: column('id_number') });
    expect(() => servePrecompiled(schema)).toThrow('SQL shape Household.idNumber: the field has @Authorized or a middleware');
  });
});
