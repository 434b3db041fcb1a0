import { randomUUID } from 'node:crypto';
import {
  addMember,
  buildPartnerWorld,
  globalId,
  insertOrganisation,
  insertRegion,
  signUpAccount,
  type Account,
  type PartnerWorld,
  type Ref,
  type RegionRef,
} from './partner-world.js';
import type { TestServer } from './server.js';

/** The commitment operations, selecting what the tests assert on. */
export const COPS = {
  create: `mutation ($input: CommitmentCreateInput!) {
    commitmentCreate(input: $input) { commitment { id title status visibility dueOn organisation { id } person { id } project { id } viewerCanUpdate } userErrors { code field } } }`,
  update: `mutation ($id: ID!, $input: CommitmentUpdateInput!) {
    commitmentUpdate(id: $id, input: $input) { commitment { id title dueOn status visibility } userErrors { code field } } }`,
  progress: `mutation ($input: CommitmentProgressAddInput!) {
    commitmentProgressAdd(input: $input) { commitmentProgress { id note evidenceUrls commitment { id } } userErrors { code field } } }`,
  fulfil: `mutation ($id: ID!, $input: CommitmentFulfilInput) {
    commitmentFulfil(id: $id, input: $input) { commitment { id status fulfilledAt fulfilmentNote progress { totalCount } } userErrors { code field } } }`,
  evaluate: `mutation ($input: CommitmentEvaluateInput!) {
    commitmentEvaluate(input: $input) { commitmentEvaluation { id score comment commitment { id status evaluationCount averageScore } } userErrors { code field } } }`,
} as const;

export interface CommitmentWorld extends PartnerWorld {
  /** 城东街道 party committee (a PARTY_COMMITTEE in township A) and its member. */
  committee: Ref;
  committeeMember: Account;
  /** A second branch in township A (another village) and its ADMIN. */
  otherBranch: Ref;
  otherBranchAdmin: Account;
  /** The village committee (council) of village A and a member who lives elsewhere. */
  council: Ref;
  councilMember: Account;
  /** Lives in a grid of village A. */
  villager: Account;
  /** Lives in township B. */
  outsider: Account;
  /** A party member reporting to the lead branch (双报到), without a membership. */
  partyMember: Account;
  grid: RegionRef;
  villageA2: RegionRef;
}

export async function buildCommitmentWorld(server: TestServer): Promise<CommitmentWorld> {
  const world = await buildPartnerWorld(server);
  const { townshipA, townshipB, villageA } = world.regions;
  const grid = await insertRegion(server, '城东第一网格', 'GRID', villageA);
  const villageA2 = await insertRegion(server, '城东二社区', 'VILLAGE', townshipA);
  const committee = await insertOrganisation(server, { name: '中共城东街道工作委员会', kind: 'PARTY_ORGANISATION', region: townshipA });
  await server.sql(`update organisation set subtype = 'PARTY_COMMITTEE' where id = ?`, [committee.uuid]);
  await server.sql(`update organisation set subtype = 'PARTY_BRANCH', parent_id = ? where id = ?`, [
    committee.uuid,
    world.organisations.lead.uuid,
  ]);
  const otherBranch = await insertOrganisation(server, { name: '中共城东二社区支部委员会', kind: 'PARTY_ORGANISATION', region: villageA2 });
  const council = await insertOrganisation(server, { name: '城东社区居民委员会', kind: 'VILLAGE_COMMITTEE', region: villageA });
  const committeeMember = await signUpAccount(server, '街道党工委委员');
  const otherBranchAdmin = await signUpAccount(server, '二社区支部书记');
  const councilMember = await signUpAccount(server, '居委会委员');
  const villager = await signUpAccount(server, '城东居民');
  const outsider = await signUpAccount(server, '城西居民');
  const partyMember = await signUpAccount(server, '双报到党员');
  await addMember(server, committeeMember, committee, 'MEMBER');
  await addMember(server, otherBranchAdmin, otherBranch, 'ADMIN');
  await addMember(server, councilMember, council, 'MEMBER');
  const live = (person: Ref, region: Ref) =>
    server.sql(`update person set residence_region_id = ? where id = ?`, [region.uuid, person.uuid]);
  await live(villager, grid);
  await live(outsider, townshipB);
  await live(councilMember, townshipB);
  await server.sql(
    `update person set tags = '{RESIDENT,PARTY_MEMBER}', party_home_organisation_id = ?, party_residence_organisation_id = ? where id = ?`,
    [world.organisations.lead.uuid, world.organisations.lead.uuid, partyMember.uuid],
  );
  return {
    ...world,
    committee,
    committeeMember,
    otherBranch,
    otherBranchAdmin,
    council,
    councilMember,
    villager,
    outsider,
    partyMember,
    grid,
    villageA2,
  };
}

/** A commitment written with SQL, for figures built from given dates (the API refuses due days in the past). */
export async function insertCommitment(
  server: TestServer,
  options: { organisation: Ref; dueOn: string; fulfilledAt?: string; visibility?: 'PUBLIC' | 'INTERNAL'; scores?: number[] },
): Promise<Ref> {
  const uuid = randomUUID();
  await server.sql(
    `insert into commitment (id, created_at, updated_at, organisation_id, title, description, beneficiary, due_on, visibility, fulfilled_at)
     values (?, now(), now(), ?, '构造的承诺', '用于统计的承诺', '居民', ?, ?, ?)`,
    [uuid, options.organisation.uuid, options.dueOn, options.visibility ?? 'PUBLIC', options.fulfilledAt ?? null],
  );
  for (const score of options.scores ?? []) {
    const rater = randomUUID();
    await server.sql(`insert into person (id, created_at, name, tags, skills) values (?, now(), '评议居民', '{RESIDENT}', '{}')`, [rater]);
    await server.sql(`insert into commitment_evaluation (id, created_at, commitment_id, person_id, score) values (?, now(), ?, ?, ?)`, [
      randomUUID(),
      uuid,
      rater,
      score,
    ]);
  }
  return { uuid, id: globalId('Commitment', uuid) };
}
