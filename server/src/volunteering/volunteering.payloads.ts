import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { ServiceHoursEntry } from './service-hours-entry.entity.js';
import { ShiftSignUp } from './shift-sign-up.entity.js';
import { Shift } from './shift.entity.js';
import { VolunteerActivity } from './volunteer-activity.entity.js';
import { VolunteerPointsRule } from './volunteer-points-rule.entity.js';

@ObjectType({ description: 'Result of volunteerActivityCreate' })
export class VolunteerActivityCreatePayload {
  @Field(() => VolunteerActivity, { nullable: true, description: 'The new activity' })
  volunteerActivity?: VolunteerActivity | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the activity' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of volunteerActivityUpdate' })
export class VolunteerActivityUpdatePayload {
  @Field(() => VolunteerActivity, { nullable: true, description: 'The updated activity' })
  volunteerActivity?: VolunteerActivity | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of shiftCreate' })
export class ShiftCreatePayload {
  @Field(() => Shift, { nullable: true, description: 'The new shift' })
  shift?: Shift | null;

  @Field(() => [UserError], { description: 'Problems that prevented creating the shift' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of shiftUpdate' })
export class ShiftUpdatePayload {
  @Field(() => Shift, { nullable: true, description: 'The updated shift' })
  shift?: Shift | null;

  @Field(() => [UserError], { description: 'Problems that prevented the update' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of shiftSignUp' })
export class ShiftSignUpPayload {
  @Field(() => ShiftSignUp, { nullable: true, description: 'The sign-up: CONFIRMED when a place was free, WAITLISTED otherwise' })
  signUp?: ShiftSignUp | null;

  @Field(() => [UserError], { description: 'Problems that prevented the sign-up' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of shiftCancel' })
export class ShiftCancelPayload {
  @Field(() => ShiftSignUp, { nullable: true, description: 'The cancelled sign-up' })
  signUp?: ShiftSignUp | null;

  @Field(() => [UserError], { description: 'Problems that prevented the cancellation' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of shiftCheckIn' })
export class ShiftCheckInPayload {
  @Field(() => ShiftSignUp, { nullable: true, description: 'The checked-in sign-up' })
  signUp?: ShiftSignUp | null;

  @Field(() => [UserError], { description: 'Problems that prevented the check-in' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of shiftAttendanceRecord' })
export class ShiftAttendanceRecordPayload {
  @Field(() => ShiftSignUp, { nullable: true, description: 'The sign-up, COMPLETED (with its ledger entry) or NO_SHOW' })
  signUp?: ShiftSignUp | null;

  @Field(() => [UserError], { description: 'Problems that prevented recording attendance' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of serviceHoursCorrect' })
export class ServiceHoursCorrectPayload {
  @Field(() => ServiceHoursEntry, { nullable: true, description: 'The new correction entry' })
  serviceHoursEntry?: ServiceHoursEntry | null;

  @Field(() => [UserError], { description: 'Problems that prevented the correction' })
  userErrors!: UserError[];
}

@ObjectType({ description: 'Result of volunteerPointsRuleSet' })
export class VolunteerPointsRuleSetPayload {
  @Field(() => VolunteerPointsRule, { nullable: true, description: 'The new rule, in force from now on' })
  volunteerPointsRule?: VolunteerPointsRule | null;

  @Field(() => [UserError], { description: 'Problems that prevented setting the rate' })
  userErrors!: UserError[];
}
