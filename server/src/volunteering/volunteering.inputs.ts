import { Field, ID, InputType, Int } from 'type-graphql';
import { DecimalScalar } from '../common/scalars/index.js';
import { ShiftAttendanceOutcome, ShiftSignUpStatus } from './volunteering.enums.js';

@InputType({ description: 'A new volunteer activity for a project' })
export class VolunteerActivityCreateInput {
  @Field(() => ID, { description: 'The project the activity serves' })
  projectId!: string;

  @Field(() => ID, {
    description: 'The organising organisation: the project lead or an accepted partner; you must be its ADMIN or COORDINATOR',
  })
  organisationId!: string;

  @Field(() => ID, {
    nullable: true,
    description: "One of the project's VOLUNTEER_HOURS needs: hours credited for the activity count as delivered towards it",
  })
  needId?: string | null;

  @Field(() => String, { description: 'Title, at most 100 characters' })
  title!: string;

  @Field(() => String, { description: 'What volunteers will do and for whom, at most 5000 characters' })
  description!: string;

  @Field(() => String, { description: 'Where volunteers meet, at most 200 characters' })
  place!: string;

  @Field(() => ID, { description: 'The region the activity takes place in' })
  regionId!: string;
}

@InputType({ description: 'Changes to a volunteer activity; omitted fields stay as they are' })
export class VolunteerActivityUpdateInput {
  @Field(() => ID, { nullable: true, description: "Another of the project's VOLUNTEER_HOURS needs to deliver hours against" })
  needId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true unlinks the activity from its need (hours already credited stop counting towards it)',
  })
  unlinkNeed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'New title' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'New meeting place' })
  place?: string | null;

  @Field(() => ID, { nullable: true, description: 'New region' })
  regionId?: string | null;
}

@InputType({ description: 'A new shift of a volunteer activity' })
export class ShiftCreateInput {
  @Field(() => ID, { description: 'The activity' })
  activityId!: string;

  @Field(() => Date, { description: 'Start, in the future' })
  startsAt!: Date;

  @Field(() => Date, { description: 'End: after the start, at most 24 hours later' })
  endsAt!: Date;

  @Field(() => Int, { description: 'Number of places, 1 to 10000' })
  capacity!: number;

  @Field(() => [String], { nullable: true, description: 'Skills volunteers should bring, at most 20 of at most 30 characters each' })
  requiredSkills?: string[] | null;
}

@InputType({ description: 'Changes to a shift; omitted fields stay as they are' })
export class ShiftUpdateInput {
  @Field(() => Date, { nullable: true, description: 'New start (only before the shift has started)' })
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true, description: 'New end (only before the shift has started)' })
  endsAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'New number of places: not below the places already taken; more places promote people waiting',
  })
  capacity?: number | null;

  @Field(() => [String], { nullable: true, description: 'New required skills' })
  requiredSkills?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true draws a new check-in code (the old one stops working)' })
  regenerateCheckInCode?: boolean | null;
}

@InputType({ description: 'Signing yourself up for a shift' })
export class ShiftSignUpInput {
  @Field(() => ID, { description: 'The shift' })
  shiftId!: string;
}

@InputType({ description: 'Cancelling a sign-up for a shift' })
export class ShiftCancelInput {
  @Field(() => ID, { description: 'The shift' })
  shiftId!: string;

  @Field(() => ID, { nullable: true, description: "Whose sign-up: omit for your own; a coordinator of the organiser may cancel anyone's" })
  personId?: string | null;
}

@InputType({ description: 'Checking a volunteer in: a coordinator for anyone, or a volunteer for themself with the check-in code' })
export class ShiftCheckInInput {
  @Field(() => ID, { description: 'The shift' })
  shiftId!: string;

  @Field(() => ID, { nullable: true, description: 'Whom to check in (coordinators); omit to check yourself in' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'The check-in code shown at the venue; required when checking yourself in' })
  code?: string | null;
}

@InputType({ description: "A coordinator's record of a volunteer's attendance" })
export class ShiftAttendanceRecordInput {
  @Field(() => ID, { description: 'The sign-up' })
  signUpId!: string;

  @Field(() => ShiftAttendanceOutcome, { description: 'Served or did not come' })
  outcome!: ShiftAttendanceOutcome;

  @Field(() => DecimalScalar, { nullable: true, description: 'Hours served; defaults to the length of the shift. Only with ATTENDED' })
  hours?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the hours differ from the length of the shift (required then), at most 500 characters',
  })
  reason?: string | null;
}

@InputType({ description: 'A correction of credited service hours: a new ledger entry, never an edit' })
export class ServiceHoursCorrectInput {
  @Field(() => ID, { description: 'The ledger entry being corrected' })
  entryId!: string;

  @Field(() => DecimalScalar, {
    description: 'Hours to add (positive) or take away (negative), non-zero; the sign-up may not end below zero',
  })
  hours!: string;

  @Field(() => String, { description: 'Why, at most 500 characters' })
  reason!: string;
}

@InputType({ description: 'A new points-per-hour rate, applying to hours confirmed from now on' })
export class VolunteerPointsRuleSetInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The organisation (you must be its ADMIN); omit for the platform-wide rate (platform admin)',
  })
  organisationId?: string | null;

  @Field(() => DecimalScalar, { description: 'Points per hour of service, 0 to 100000, at most 2 decimals' })
  pointsPerHour!: string;
}

@InputType({ description: 'Filter of the volunteer activity list' })
export class VolunteerActivityFilter {
  @Field(() => ID, { nullable: true, description: 'Only activities of this project' })
  projectId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only activities this organisation organises' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: "Only activities in this region's subtree (the region itself included)" })
  regionId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only activities with a shift that has not ended yet; false: only those whose shifts have all ended; omitted: both',
  })
  upcoming?: boolean | null;
}

@InputType({ description: "Filter of a person's shift sign-ups" })
export class PersonShiftSignUpFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only sign-ups for shifts that have not ended yet' })
  upcoming?: boolean | null;

  @Field(() => [ShiftSignUpStatus], { nullable: true, description: 'Only sign-ups in one of these statuses' })
  status?: ShiftSignUpStatus[] | null;
}
