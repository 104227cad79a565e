import template from '../../cards/summary.json';
import type { Action, Plan } from '../domain/action';
import { formatDate } from '../domain/overdue';
import type { PlanSummary } from '../domain/summary';
import {
  clip,
  formatInstant,
  lateText,
  LINE_TEXT_MAX,
  moreText,
  buttonTitle,
  LIST_NOTE_MAX,
  ownersText,
  plural,
  titleText,
  actionBadge,
} from './format';
import { expandCard, fitCard, type AdaptiveCard } from './render';
import { executeData, VERBS, type ActionExecuteData } from './verbs';
import { statusBars, type StatusBarsData } from './status-bars';

// The plans list answers the same command ("summary") when there are several plans.
export { buildPlansListCard, type PlansCardInput } from './plans-card';

/** Most overdue actions listed on a summary. */
export const SUMMARY_OVERDUE_LIMIT = 10;
/** Most recent updates shown on a summary. */
export const SUMMARY_RECENT_LIMIT = 5;

/** Template data of `cards/summary.json`. */
export interface SummaryCardData extends StatusBarsData {
  title: string;
  dateLine: string;
  /** "Imported by … on …" when the plan came in through Teams. */
  hasImported: boolean;
  imported: string;
  totals: string;
  isEmpty: boolean;
  overdueHeading: string;
  overdue: { ref: string; owners: string; late: string }[];
  hasOverdueMore: boolean;
  overdueMore: string;
  hasRecent: boolean;
  recent: {
    ref: string;
    status: string;
    who: string;
    when: string;
    hasNote: boolean;
    note: string;
    /** The note was clipped: "Show all" opens the action, whose card shows it whole. */
    clipped: boolean;
    showAllTitle: string;
    showAll: ActionExecuteData;
  }[];
}

/** What the summary card is built from. */
export interface SummaryCardInput {
  summary: PlanSummary;
}

function recentEntry(
  action: Action,
  plan: Pick<Plan, 'signOff' | 'labels'>,
  timezone: string,
): SummaryCardData['recent'][number] {
  const note = action.lastNote?.trim() ?? '';
  return {
    ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
    status: actionBadge(action, plan),
    who: clip(action.lastUpdateBy?.trim() || 'Someone', LINE_TEXT_MAX),
    when: action.lastUpdateAt ? formatInstant(action.lastUpdateAt, timezone) : '',
    hasNote: note !== '',
    note: note === '' ? '' : clip(note, LIST_NOTE_MAX),
    clipped: Array.from(note).length > LIST_NOTE_MAX,
    showAllTitle: buttonTitle(`Show all of action ${action.ref}`),
    showAll: executeData(VERBS.showAction, action),
  };
}

/** Maps a plan summary to the summary card's data, showing at most `recentLimit` updates. */
export function summaryCardData(
  input: SummaryCardInput,
  recentLimit = SUMMARY_RECENT_LIMIT,
): SummaryCardData {
  const { summary } = input;
  const tz = summary.timezone;
  const asAt = `Position on ${formatDate(summary.asOf)}`;
  const overdue = summary.overdue.slice(0, SUMMARY_OVERDUE_LIMIT);
  const hiddenOverdue = summary.overdue.length - overdue.length;
  return {
    title: titleText(summary.plan.title),
    dateLine: summary.plan.date ? `Agreed ${formatDate(summary.plan.date)} · ${asAt}` : asAt,
    hasImported: Boolean(summary.plan.importedBy && summary.plan.importedAt),
    imported:
      summary.plan.importedBy && summary.plan.importedAt
        ? clip(
            `Imported by ${summary.plan.importedBy} on ${formatInstant(summary.plan.importedAt, tz)}`,
            LINE_TEXT_MAX,
          )
        : '',
    totals: `${plural(summary.total, 'action')} · ${summary.percentComplete}% complete`,
    isEmpty: summary.total === 0,
    ...statusBars(summary.counts),
    overdueHeading:
      summary.overdue.length === 0
        ? 'Nothing is overdue.'
        : `Overdue: ${plural(summary.overdue.length, 'action')}`,
    overdue: overdue.map(({ action, daysLate }) => ({
      ref: clip(`Action ${action.ref}`, LINE_TEXT_MAX),
      owners: ownersText(action.owners),
      late: lateText(daysLate),
    })),
    hasOverdueMore: hiddenOverdue > 0,
    overdueMore: moreText(hiddenOverdue, 'type **overdue** to see more.'),
    hasRecent: summary.recentlyUpdated.length > 0 && recentLimit > 0,
    recent: summary.recentlyUpdated
      .slice(0, recentLimit)
      .map((a) => recentEntry(a, summary.plan, tz)),
  };
}

/**
 * A plan's position for a chair: totals, % complete, a coloured bar of statuses with a legend,
 * what is overdue and what was updated lately (notes shown as written).
 */
export function buildSummaryCard(input: SummaryCardInput): AdaptiveCard {
  return fitCard(
    (limit) => expandCard(template, summaryCardData(input, limit)),
    SUMMARY_RECENT_LIMIT,
  );
}
