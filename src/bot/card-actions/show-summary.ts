import { buildSummaryCard } from '../../cards/summary-card';
import { VERBS } from '../../cards/verbs';
import { canReadSummaries } from '../../domain/permissions';
import { summarisePlan } from '../../domain/summary';
import { NotAllowedError, NotFoundError } from '../../services/errors';
import { sendCard, type CardAction } from '../bot-turn';

/** A plan picked from the list of plans: answers with its summary. */
export const showSummaryCardAction: CardAction = {
  verb: VERBS.showSummary,
  run: async (turn, data) => {
    if (!canReadSummaries(turn.person)) {
      throw new NotAllowedError('Summaries are for chairs, heads of service and admins.');
    }
    const planId = typeof data.planId === 'string' ? data.planId : '';
    const plan = await turn.deps.repos.plans.get(planId);
    if (!plan) throw new NotFoundError('That plan no longer exists.');
    const summary = summarisePlan(
      plan,
      await turn.deps.repos.actions.listByPlan(plan.id),
      turn.now,
    );
    // A new message, so the list of plans stays as it was.
    await sendCard(
      turn.context,
      buildSummaryCard({ summary, now: turn.now, timezone: plan.timezone }),
    );
    return { message: 'The summary is in a new message below.' };
  },
};
