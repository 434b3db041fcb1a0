import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Why an organisation is suggested for a ticket. */
export enum DemandMatchSource {
  SERVICE_OFFERING = 'SERVICE_OFFERING',
  PROJECT_NEED = 'PROJECT_NEED',
}

registerEnumType(DemandMatchSource, {
  name: 'DemandMatchSource',
  description: 'Why an organisation is suggested for a demand ticket',
  valuesConfig: {
    SERVICE_OFFERING: { description: 'It offers a service of the ticket’s category in a region containing the grid (服务清单)' },
    PROJECT_NEED: {
      description: 'It leads a recruiting or active partner project with an open need, serving a region containing the grid',
    },
  },
});

/**
 * A suggestion for where to send a ticket. Relations are resolved through the request's loaders from
 * the uuids kept here (see DemandMatchResolver).
 */
@ObjectType({ description: 'An organisation suggested for a demand ticket, and why' })
export class DemandMatch {
  @Field(() => DemandMatchSource, { description: 'Why the organisation is suggested' })
  source!: DemandMatchSource;

  @Field(() => Boolean, {
    description:
      'Indicates whether the suggestion is about the ticket’s category (always for offerings; for projects, a corresponding project category)',
  })
  categoryMatches!: boolean;

  organisationUuid!: string;
  coveringRegionUuid!: string;
  offeringUuid?: string;
  projectUuid?: string;
  needUuid?: string;
}
