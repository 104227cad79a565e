import { buildPlansListCard, buildSummaryCard } from '../../cards/summary-card';
import { isPlanOpen } from '../../domain/action';
import { canReadSummaries } from '../../domain/permissions';
import { summarisePlan } from '../../domain/summary';
import { NotAllowedError } from '../../services/errors';
import { findPlan } from '../../services/find-plan';
import { sendCard, type TextCommand } from '../bot-turn';

/** `summary` or `summary <plan>`: a plan's position at once, for chairs, heads and admins. */
export const summaryCommand: TextCommand = {
  name: 'summary',
  match: (text) => {
    // "report" and "position" only on their own: "Report went to committee" is progress.
    if (/^(?:report|position)$/i.test(text)) return [''];
    const m = /^(?:summary|summarise|summarize)(?:\s+(?:of\s+|for\s+)?(.+))?$/i.exec(text);
    return m ? [m[1] ?? ''] : null;
  },
  run: async (turn, [query]) => {
    if (!canReadSummaries(turn.person)) {
      throw new NotAllowedError(
        'Summaries are for chairs, heads of service and admins. Type **my actions** to see yours.',
      );
    }
    const { plans, actions } = turn.deps.repos;
    if (query) {
      const plan = await findPlan(plans, query);
      const summary = summarisePlan(plan, await actions.listByPlan(plan.id), turn.now);
      await sendCard(
        turn.context,
        buildSummaryCard({ summary, now: turn.now, timezone: plan.timezone }),
      );
      return;
    }
    // Closed and archived plans leave the overview; `summary <plan>` still shows them.
    const all = (await plans.list()).filter(isPlanOpen);
    if (all.length === 1) {
      const summary = summarisePlan(all[0], await actions.listByPlan(all[0].id), turn.now);
      await sendCard(
        turn.context,
        buildSummaryCard({ summary, now: turn.now, timezone: all[0].timezone }),
      );
      return;
    }
    if (all.length === 0) {
      await turn.context.sendActivity('No plans have been imported yet.');
      return;
    }
    const lists = await Promise.all(all.map((p) => actions.listByPlan(p.id)));
    await sendCard(
      turn.context,
      buildPlansListCard({
        plans: all.map((plan, i) => ({ plan, summary: summarisePlan(plan, lists[i], turn.now) })),
      }),
    );
  },
};
