/**
 * A user's decision on a same-round conflict (issue 13 point 1): one outcome for the person in that
 * round, with the reason written down. It settles that round only; a later round still overrides it.
 */
import { CodedError, coded } from '../messages';
import { sqlString } from '../sql';
import { OUTCOMES, type Outcome } from './outcomes';

export interface Decision {
	personId: string;
	round: number;
	outcome: Outcome;
	reason: string;
	/** ISO date of the decision. */
	decidedOn: string;
}

/** Checks a decision and returns its statements: it replaces an earlier decision for that person and round. */
export function decisionStatements(decision: Decision): string[] {
	const reason = decision.reason.trim();
	if (reason === '') throw new CodedError(coded('verval.decision_reason_missing', { person: decision.personId }));
	if (!(OUTCOMES as readonly string[]).includes(decision.outcome)) {
		throw new CodedError(coded('verval.decision_outcome_invalid', { person: decision.personId, outcome: decision.outcome }));
	}
	if (!/^\d{4}-\d{2}-\d{2}$/.test(decision.decidedOn)) throw new TypeError(`decidedOn: ${decision.decidedOn}`);
	const person = sqlString(decision.personId);
	return [
		`DELETE FROM verval_decision WHERE person_id = ${person} AND round = ${decision.round}`,
		`INSERT INTO verval_decision (person_id, round, outcome, reason, decided_on) VALUES (${person}, ${decision.round}, ${sqlString(decision.outcome)}, ${sqlString(reason)}, DATE ${sqlString(decision.decidedOn)})`
	];
}
