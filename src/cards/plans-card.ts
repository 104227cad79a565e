import template from '../../cards/plans.json';
import type { Plan } from '../domain/action';
import { statusesPresent, statusLabel } from '../domain/status';
import type { PlanSummary } from '../domain/summary';
import { buttonTitle, plural, sentenceCase, titleText } from './format';
import { pageOf, type PagerData } from './pager';
import { renderCard, type AdaptiveCard } from './render';
import { VERBS, type ShowSummaryExecuteData } from './verbs';

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
  pager: PagerData;
}

/** What the plans list is built from. */
export interface PlansCardInput {
  plans: { plan: Pick<Plan, 'id' | 'title'>; summary: PlanSummary }[];
  /** 0-based page of {@link PAGE_SIZE} plans. */
  page?: number;
}

/** "2 on track, 1 at risk, 1 complete": the statuses present, in order. */
export function countsInWords(counts: PlanSummary['counts']): string {
  const parts = statusesPresent(counts).map((s) => `${counts[s]} ${statusLabel(s).toLowerCase()}`);
  return parts.length === 0 ? 'No actions yet' : parts.join(', ');
}

/** Maps plans and their summaries to the plans list's data. */
export function plansCardData(input: PlansCardInput): PlansCardData {
  const { shown, pager } = pageOf(input.plans, 'plans', input.page);
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
    pager,
  };
}

/** One line per plan with its progress and a button to open its summary. */
export function buildPlansListCard(input: PlansCardInput): AdaptiveCard {
  return renderCard(template, plansCardData(input));
}
