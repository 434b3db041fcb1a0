import { expect } from 'vitest';
import type { GraphQLClient } from './client.js';
import type { PartnerWorld, Ref } from './partner-world.js';

/** The partner-project mutations, selecting what the tests assert on. */
export const OPS = {
  projectCreate: `mutation ($input: ProjectCreateInput!) {
    projectCreate(input: $input) { project { id title status category startDate endDate leadOrganisation { id } regions { id } viewerCanUpdate } userErrors { code field } } }`,
  projectUpdate: `mutation ($id: ID!, $input: ProjectUpdateInput!) {
    projectUpdate(id: $id, input: $input) { project { id title summary category endDate regions { id } } userErrors { code field } } }`,
  projectTransition: `mutation ($id: ID!, $input: ProjectTransitionInput!) {
    projectTransition(id: $id, input: $input) { project { id status statusReason } userErrors { code field } } }`,
  partnerInvite: `mutation ($input: ProjectPartnerInviteInput!) {
    projectPartnerInvite(input: $input) { projectPartner { id role status organisation { id } } userErrors { code field } } }`,
  partnerApply: `mutation ($input: ProjectPartnerApplyInput!) {
    projectPartnerApply(input: $input) { projectPartner { id role status message organisation { id } } userErrors { code field } } }`,
  partnerRespond: `mutation ($id: ID!, $input: ProjectPartnerRespondInput!) {
    projectPartnerRespond(id: $id, input: $input) { projectPartner { id status responseNote respondedAt } userErrors { code field } } }`,
  partnerWithdraw: `mutation ($id: ID!) { projectPartnerWithdraw(id: $id) { projectPartner { id status } userErrors { code field } } }`,
  needCreate: `mutation ($input: NeedCreateInput!) {
    needCreate(input: $input) { need { id kind quantity unit pledged accepted delivered remaining coverage isOpen } userErrors { code field } } }`,
  needUpdate: `mutation ($id: ID!, $input: NeedUpdateInput!) {
    needUpdate(id: $id, input: $input) { need { id quantity unit kind description allowOversubscription } userErrors { code field } } }`,
  needClose: `mutation ($id: ID!) { needClose(id: $id) { need { id closedAt isOpen } userErrors { code field } } }`,
  pledgeCreate: `mutation ($input: PledgeCreateInput!) {
    pledgeCreate(input: $input) { pledge { id quantity status pledger { id } need { id pledged remaining } } userErrors { code field } } }`,
  pledgeUpdate: `mutation ($id: ID!, $input: PledgeUpdateInput!) {
    pledgeUpdate(id: $id, input: $input) { pledge { id quantity note status } userErrors { code field } } }`,
  pledgeRespond: `mutation ($id: ID!, $input: PledgeRespondInput!) {
    pledgeRespond(id: $id, input: $input) { pledge { id status responseNote } userErrors { code field } } }`,
  pledgeWithdraw: `mutation ($id: ID!) { pledgeWithdraw(id: $id) { pledge { id status } userErrors { code field } } }`,
  deliveryRecord: `mutation ($input: DeliveryRecordInput!) {
    deliveryRecord(input: $input) { delivery { id quantity deliveredOn confirmedAt evidenceUrls } userErrors { code field } } }`,
  deliveryConfirm: `mutation ($id: ID!) {
    deliveryConfirm(id: $id) { delivery { id confirmedAt pledge { id status delivered fulfilledAt } } userErrors { code field } } }`,
  deliverableCreate: `mutation ($input: DeliverableCreateInput!) {
    deliverableCreate(input: $input) { deliverable { id title status dueOn overdue owners { id } pledges { id } } userErrors { code field } } }`,
  deliverableUpdate: `mutation ($id: ID!, $input: DeliverableUpdateInput!) {
    deliverableUpdate(id: $id, input: $input) { deliverable { id title owners { id } pledges { id } } userErrors { code field } } }`,
  deliverableTransition: `mutation ($id: ID!, $input: DeliverableTransitionInput!) {
    deliverableTransition(id: $id, input: $input) { deliverable { id status statusReason evidenceUrls submittedAt acceptedAt } userErrors { code field } } }`,
} as const;

type Payload = { userErrors: { code: string; field: string[] | null }[] } & Record<string, any>;

/** Runs a mutation and returns its payload (the one root field). */
export async function mutate(client: GraphQLClient, operation: string, variables: Record<string, unknown>): Promise<Payload> {
  const data = await client.query(operation, variables);
  return Object.values(data)[0] as Payload;
}

/** Runs a mutation that must succeed and returns its payload. */
export async function succeed(client: GraphQLClient, operation: string, variables: Record<string, unknown>): Promise<Payload> {
  const payload = await mutate(client, operation, variables);
  expect(payload.userErrors).toEqual([]);
  return payload;
}

/** The codes of a payload's user errors. */
export function codes(payload: Payload): string[] {
  return payload.userErrors.map((error) => error.code);
}

let projects = 0;

/** A project led by the world's Party branch, created by its secretary and moved to `status` (default RECRUITING). */
export async function createProject(
  world: PartnerWorld,
  options: { status?: 'DRAFT' | 'RECRUITING' | 'ACTIVE'; title?: string; regions?: Ref[]; category?: string; startDate?: string } = {},
): Promise<string> {
  projects += 1;
  const client = world.people.secretary.client;
  const payload = await succeed(client, OPS.projectCreate, {
    input: {
      leadOrganisationId: world.organisations.lead.id,
      title: options.title ?? `城东社区老旧小区改造 ${projects}`,
      summary: '加装电梯、修缮管网，党支部牵头，企业与社会组织共建。',
      category: options.category ?? 'INFRASTRUCTURE',
      regionIds: (options.regions ?? [world.regions.villageA]).map((region) => region.id),
      startDate: options.startDate ?? '2026-12-01',
      endDate: '2027-06-30',
    },
  });
  const id = payload.project.id as string;
  const status = options.status ?? 'RECRUITING';
  for (const step of ['RECRUITING', 'ACTIVE'] as const) {
    if (status === 'DRAFT' || (step === 'ACTIVE' && status === 'RECRUITING')) {
      break;
    }
    await succeed(client, OPS.projectTransition, { id, input: { to: step } });
  }
  return id;
}

export async function createNeed(
  world: PartnerWorld,
  projectId: string,
  input: { quantity: string; kind?: string; unit?: string; allowOversubscription?: boolean; deadline?: string } = { quantity: '10000.00' },
): Promise<string> {
  const payload = await succeed(world.people.secretary.client, OPS.needCreate, {
    input: { projectId, kind: 'FUNDS', unit: '元', description: '电梯加装配套资金', ...input },
  });
  return payload.need.id as string;
}

export async function createPledge(client: GraphQLClient, needId: string, organisationId: string, quantity: string): Promise<string> {
  const payload = await succeed(client, OPS.pledgeCreate, { input: { needId, organisationId, quantity } });
  return payload.pledge.id as string;
}

/** Makes an organisation an accepted partner: the secretary invites it, one of its members accepts. */
export async function addPartner(
  world: PartnerWorld,
  projectId: string,
  organisation: Ref,
  member: GraphQLClient,
  role = 'PARTNER',
): Promise<string> {
  const invited = await succeed(world.people.secretary.client, OPS.partnerInvite, {
    input: { projectId, organisationId: organisation.id, role },
  });
  await succeed(member, OPS.partnerRespond, { id: invited.projectPartner.id, input: { accept: true } });
  return invited.projectPartner.id as string;
}
