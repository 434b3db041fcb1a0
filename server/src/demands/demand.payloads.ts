import { Field, ObjectType, type ClassType } from 'type-graphql';
import { UserError } from '../common/errors/user-error.js';
import { DemandTicket } from './demand-ticket.entity.js';

export interface DemandPayloadShape {
  demand?: DemandTicket | null;
  userErrors: UserError[];
}

/** `XxxPayload { demand, userErrors }`: every demand mutation answers with the ticket as it now is. */
function demandPayload(mutation: string, problem: string): ClassType<DemandPayloadShape> {
  const name = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Payload`;
  @ObjectType(name, { description: `Result of ${mutation}` })
  class Payload {
    @Field(() => DemandTicket, { nullable: true, description: 'The ticket after the change' })
    demand?: DemandTicket | null;

    @Field(() => [UserError], { description: `Problems that prevented ${problem}` })
    userErrors!: UserError[];
  }
  return Payload;
}

export const DemandSubmitPayload = demandPayload('demandSubmit', 'submitting the demand');
export const DemandDispatchPayload = demandPayload('demandDispatch', 'dispatching the ticket');
export const DemandAcceptPayload = demandPayload('demandAccept', 'accepting the ticket');
export const DemandDeclinePayload = demandPayload('demandDecline', 'declining the ticket');
export const DemandAddActionPayload = demandPayload('demandAddAction', 'recording the action');
export const DemandResolvePayload = demandPayload('demandResolve', 'resolving the ticket');
export const DemandRatePayload = demandPayload('demandRate', 'rating the ticket');
export const DemandMergePayload = demandPayload('demandMerge', 'merging the ticket');
export const DemandRejectPayload = demandPayload('demandReject', 'rejecting the ticket');
export const DemandToNeedPayload = demandPayload('demandToNeed', 'turning the ticket into a need');
