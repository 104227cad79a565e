import template from '../../cards/plans.json';
import type { Plan } from '../domain/action';
import { STATUSES, statusLabel } from '../domain/status';
import type { PlanSummary } from '../domain/summary';
import { buttonTitle, moreText, plural, sentenceCase, titleText } from './format';
import { expandCard, type AdaptiveCard } from './render';
import { VERBS, type ShowSummaryExecuteData } from './verbs';

/** Most plans listed on one card. */
export const PLANS_LIMIT = 30;

/** Template data of `cards/plans.json`. */
export interface PlansCardData {
  heading: string;
  intro: string;
  plans: {
    title: string;
    progress: string;
    hasOverdue: boolean;
    overdue: string;
    counts: string;
    showTitle: string;
    show: ShowSummaryExecuteData;
  }[];
  hasMore: boolean;
  more: string;
}

/** What the plans list is built from. */
export interface PlansCardInput {
  plans: { plan: Pick<Plan, 'id' | 'title'>; summary: PlanSummary }[];
}

/** "2 on track, 1 at risk, 1 complete": the statuses present, in order. */
export function countsInWords(counts: PlanSummary['counts']): string {
  const parts = STATUSES.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s]} ${statusLabel(s).toLowerCase()}`,
  );
  return parts.length === 0 ? 'No actions yet' : parts.join(', ');
}

/** Maps plans and their summaries to the plans list's data. */
export function plansCardData(input: PlansCardInput): PlansCardData {
  const shown = input.plans.slice(0, PLANS_LIMIT);
  const hidden = input.plans.length - shown.length;
  return {
    heading: 'Plans',
    intro:
      input.plans.length === 0
        ? 'There are no plans yet.'
        : 'Choose a plan to see its summary, or type **summary** and the plan’s name.',
    plans: shown.map(({ plan, summary }) => ({
      title: titleText(plan.title),
      progress: `${plural(summary.total, 'action')} · ${summary.percentComplete}% complete`,
      hasOverdue: summary.overdue.length > 0,
      overdue: `${summary.overdue.length} overdue`,
      counts: countsInWords(summary.counts),
      showTitle: buttonTitle(`Summary of ${sentenceCase(plan.title)}`),
      show: { verb: VERBS.showSummary, planId: plan.id },
    })),
    hasMore: hidden > 0,
    more: moreText(hidden, 'type **summary** and the plan’s name to see one of them.'),
  };
}

/** One line per plan with its progress and a button to open its summary. */
export function buildPlansListCard(input: PlansCardInput): AdaptiveCard {
  return expandCard(template, plansCardData(input));
}
