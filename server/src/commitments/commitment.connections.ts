import { Connection } from '../common/relay/connection.js';
import { Commitment, CommitmentEvaluation, CommitmentProgress } from './commitment.entity.js';

export const CommitmentConnection = Connection(Commitment, 'Commitment');
export const CommitmentProgressConnection = Connection(CommitmentProgress, 'CommitmentProgress');
export const CommitmentEvaluationConnection = Connection(CommitmentEvaluation, 'CommitmentEvaluation');
