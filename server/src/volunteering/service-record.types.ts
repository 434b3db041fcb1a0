import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar, DecimalScalar } from '../common/scalars/index.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Person } from '../people/person.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';

@ObjectType({ description: "One activity of a volunteer's service record" })
export class ServiceRecordLine {
  @Field(() => VolunteerActivity, { description: 'The activity served' })
  activity!: VolunteerActivity;

  @Field(() => Organisation, { description: 'The organisation that confirmed the hours' })
  organisation!: Organisation;

  @Field(() => DateScalar, { description: 'Day of the first shift served' })
  firstDay!: string;

  @Field(() => DateScalar, { description: 'Day of the last shift served' })
  lastDay!: string;

  @Field(() => Int, { description: 'Number of shifts served' })
  shiftCount!: number;

  @Field(() => DecimalScalar, { description: 'Hours served, corrections included' })
  hours!: string;

  @Field(() => DecimalScalar, { description: 'Points earned' })
  points!: string;
}

@ObjectType({ description: 'A volunteer service record (志愿服务记录), what the printable certificate shows' })
export class ServiceRecord {
  @Field(() => Person, { description: 'The volunteer' })
  person!: Person;

  @Field(() => DecimalScalar, { description: 'Total hours served' })
  totalHours!: string;

  @Field(() => DecimalScalar, { description: 'Total points earned' })
  totalPoints!: string;

  @Field(() => Int, { description: 'Number of shifts served' })
  shiftCount!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the first service; null without any' })
  firstDay!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day of the latest service; null without any' })
  lastDay!: string | null;

  @Field(() => [ServiceRecordLine], { description: 'Service per activity, in the order first served' })
  lines!: ServiceRecordLine[];

  @Field(() => Date, { description: 'When the record was drawn up (the date printed on the certificate)' })
  issuedAt!: Date;
}
