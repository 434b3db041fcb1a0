/**
 * The write requests of the bench and the soak, each a `LoadRequest` that signs in with a session
 * cookie and judges its own answer: a business outcome (a pledge, a place, a waitlist entry, a move,
 * or a refusal the rules foresee) is counted under its name; anything else is an error.
 */
import { Random } from './data/random.js';
import type { LoadRequest } from './loadgen.js';
import type { WritesFixture } from './writes-fixture.js';

export const WRITE_OPERATIONS = ['pledgeCreate', 'shiftSignUpSpread', 'shiftSignUpHot', 'deliverableTransition'] as const;
export type WriteOperation = (typeof WRITE_OPERATIONS)[number];

export const OPERATION_LABELS: Record<WriteOperation, string> = {
  pledgeCreate: 'pledgeCreate (random open need)',
  shiftSignUpSpread: 'shiftSignUp (random future shift)',
  shiftSignUpHot: 'shiftSignUp (20 hot shifts)',
  deliverableTransition: 'deliverableTransition (legal moves)',
};

const PLEDGE_CREATE = `mutation BenchPledgeCreate($input: PledgeCreateInput!) {
  pledgeCreate(input: $input) { pledge { id status quantity } userErrors { code field message } } }`;
const SHIFT_SIGN_UP = `mutation BenchShiftSignUp($input: ShiftSignUpInput!) {
  shiftSignUp(input: $input) { signUp { id status } userErrors { code field message } } }`;
const DELIVERABLE_TRANSITION = `mutation BenchDeliverableTransition($id: ID!, $input: DeliverableTransitionInput!) {
  deliverableTransition(id: $id, input: $input) { deliverable { id status } userErrors { code field message } } }`;

/** The legal moves the bench makes: forward to SUBMITTED, then sent back (never ACCEPTED, so it can go on). */
const NEXT: Record<string, { to: string; reason?: string }> = {
  PLANNED: { to: 'IN_PROGRESS' },
  IN_PROGRESS: { to: 'SUBMITTED' },
  SUBMITTED: { to: 'IN_PROGRESS', reason: '请补充服务台账' },
};

/** Refusals the rules foresee under load: a need whose live pledges would exceed it. */
const EXPECTED_USER_ERRORS: Record<WriteOperation, readonly string[]> = {
  pledgeCreate: ['PLEDGE_EXCEEDS_NEED'],
  shiftSignUpSpread: [],
  shiftSignUpHot: [],
  deliverableTransition: [],
};

/** Cents of a numeric(18,2) text, and back: quantities never go through floats. */
const cents = (quantity: string) => {
  const [whole = '0', fraction = ''] = quantity.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};
const money = (value: number) => `${Math.floor(value / 100)}.${String(value % 100).padStart(2, '0')}`;

type Payload = { userErrors: { code: string; message: string }[] } & Record<string, unknown>;

/**
 * Judges an answer: undefined when it is a success or a foreseen refusal (counted in `outcomes`),
 * otherwise the error text. `onSuccess` sees the resource of a successful payload.
 */
function judge(
  outcomes: Record<string, number>,
  field: string,
  resource: string,
  expected: readonly string[],
  onSuccess?: (status: string) => void,
) {
  return (status: number, body: string): string | undefined => {
    if (status !== 200) {
      return `${status} ${body.slice(0, 300)}`;
    }
    const parsed = JSON.parse(body) as { data?: Record<string, Payload>; errors?: unknown };
    const payload = parsed.data?.[field];
    if (parsed.errors || !payload) {
      return body.slice(0, 300);
    }
    const [userError] = payload.userErrors;
    if (userError) {
      if (!expected.includes(userError.code)) {
        return `${field}: ${userError.code} ${userError.message}`;
      }
      outcomes[userError.code] = (outcomes[userError.code] ?? 0) + 1;
      return undefined;
    }
    const result = (payload[resource] as { status: string }).status;
    outcomes[result] = (outcomes[result] ?? 0) + 1;
    onSuccess?.(result);
    return undefined;
  };
}

/** Makes the requests of each write operation; `outcomes` tallies what the answers were, per operation. */
export class WriteRequests {
  readonly outcomes: Record<WriteOperation, Record<string, number>> = {
    pledgeCreate: {},
    shiftSignUpSpread: {},
    shiftSignUpHot: {},
    deliverableTransition: {},
  };
  private readonly random: Random;
  /** Volunteer × shift pairs already sent, per operation: nobody signs up twice for the same shift. */
  private readonly signedUp = { shiftSignUpSpread: new Set<string>(), shiftSignUpHot: new Set<string>() };
  /** Deliverables not in flight: two requests never move the same one at once. */
  private readonly idle: number[];
  private readonly statuses: string[];

  constructor(
    private readonly fixture: WritesFixture,
    seed: number,
  ) {
    this.random = new Random(seed);
    this.idle = fixture.deliverables.map((_, index) => index);
    this.statuses = fixture.deliverables.map((deliverable) => deliverable.status);
  }

  /** Whether `next(operation)` has something to send (every deliverable may be in flight on a tiny data set). */
  available(operation: WriteOperation): boolean {
    switch (operation) {
      case 'pledgeCreate':
        return true;
      case 'shiftSignUpSpread':
      case 'shiftSignUpHot': {
        const shifts = operation === 'shiftSignUpHot' ? this.fixture.hotShifts : this.fixture.spreadShifts;
        // Near the end, random pairs are mostly taken: stop before the search gets long.
        return this.signedUp[operation].size < 0.9 * this.fixture.volunteers.length * shifts.length;
      }
      case 'deliverableTransition':
        return this.idle.length > 0;
    }
  }

  next(operation: WriteOperation): LoadRequest {
    switch (operation) {
      case 'pledgeCreate':
        return this.pledge();
      case 'shiftSignUpSpread':
        return this.signUp(operation, this.fixture.spreadShifts);
      case 'shiftSignUpHot':
        return this.signUp(operation, this.fixture.hotShifts);
      case 'deliverableTransition':
        return this.transition();
    }
  }

  /** A member pledges a thousandth of a random open need for their organisation. */
  private pledge(): LoadRequest {
    const need = this.random.pick(this.fixture.needs);
    const pledger = this.random.pick(this.fixture.pledgers);
    const quantity = money(Math.max(1, Math.floor(cents(need.quantity) / 1000)));
    return {
      body: JSON.stringify({
        query: PLEDGE_CREATE,
        variables: { input: { needId: need.id, organisationId: pledger.organisationId, quantity } },
      }),
      headers: { cookie: pledger.cookie },
      settle: judge(this.outcomes.pledgeCreate, 'pledgeCreate', 'pledge', EXPECTED_USER_ERRORS.pledgeCreate),
    };
  }

  /** A random volunteer signs up for a random shift of `shifts` they have not signed up for yet. */
  private signUp(operation: 'shiftSignUpSpread' | 'shiftSignUpHot', shifts: readonly string[]): LoadRequest {
    const { volunteers } = this.fixture;
    const sent = this.signedUp[operation];
    let pair: [number, number] | undefined;
    for (let attempt = 0; attempt < 1000 && !pair; attempt += 1) {
      const candidate: [number, number] = [this.random.int(0, volunteers.length - 1), this.random.int(0, shifts.length - 1)];
      pair = sent.has(candidate.join(':')) ? undefined : candidate;
    }
    if (!pair) {
      throw new Error(`writes: hardly any volunteer is left who has not signed up for every ${operation} shift (${sent.size} sign-ups)`);
    }
    sent.add(pair.join(':'));
    const volunteer = volunteers[pair[0]]!;
    return {
      body: JSON.stringify({ query: SHIFT_SIGN_UP, variables: { input: { shiftId: shifts[pair[1]]! } } }),
      headers: { cookie: volunteer.cookie },
      settle: judge(this.outcomes[operation], 'shiftSignUp', 'signUp', EXPECTED_USER_ERRORS[operation]),
    };
  }

  /** The next legal move of a deliverable nobody else is moving, by an ADMIN of the project's lead. */
  private transition(): LoadRequest {
    if (!this.idle.length) {
      throw new Error('writes: every deliverable is in flight or was dropped after an error');
    }
    const slot = this.random.int(0, this.idle.length - 1);
    const index = this.idle[slot]!;
    this.idle[slot] = this.idle[this.idle.length - 1]!;
    this.idle.pop();
    const deliverable = this.fixture.deliverables[index]!;
    const move = NEXT[this.statuses[index]!]!;
    const settle = judge(
      this.outcomes.deliverableTransition,
      'deliverableTransition',
      'deliverable',
      EXPECTED_USER_ERRORS.deliverableTransition,
      (status) => (this.statuses[index] = status),
    );
    return {
      body: JSON.stringify({ query: DELIVERABLE_TRANSITION, variables: { id: deliverable.id, input: move } }),
      headers: { cookie: deliverable.cookie },
      settle: (status, body) => {
        const error = settle(status, body);
        // A deliverable whose state is no longer known leaves the pool instead of making illegal moves.
        if (error === undefined) {
          this.idle.push(index);
        }
        return error;
      },
    };
  }
}

/** Successful writes of an operation so far (each must have written exactly one activity entry). */
export function successes(operation: WriteOperation, outcomes: Record<string, number>): number {
  return Object.entries(outcomes)
    .filter(([outcome]) => !EXPECTED_USER_ERRORS[operation].includes(outcome))
    .reduce((sum, [, count]) => sum + count, 0);
}
