import { buildActionCard } from '../../src/cards/action-card';
import { buildChooseActionCard } from '../../src/cards/choose-action-card';
import { buildDigestCard } from '../../src/cards/digest-card';
import { buildHelpCard } from '../../src/cards/help-card';
import { buildMyActionsCard } from '../../src/cards/my-actions-card';
import { buildNoticeCard } from '../../src/cards/notice-card';
import { buildNudgeCard } from '../../src/cards/nudge-card';
import { buildOverdueCard } from '../../src/cards/overdue-card';
import { buildPlansListCard } from '../../src/cards/plans-card';
import type { AdaptiveCard } from '../../src/cards/render';
import { withRefresh } from '../../src/cards/refresh';
import { buildReplyConfirmationCard } from '../../src/cards/reply-confirmation-card';
import { buildSignOffCard } from '../../src/cards/sign-off-card';
import { buildSummaryCard } from '../../src/cards/summary-card';
import { buildWelcomeCard } from '../../src/cards/welcome-card';
import type { Action, ActionUpdate } from '../../src/domain/action';
import { buildPlanDigest, type Digest } from '../../src/domain/digest';
import { myActionsList } from '../../src/domain/my-actions';
import { DEFAULT_NUDGE_POLICY, nudgesDue } from '../../src/domain/nudge-policy';
import { latenessOf } from '../../src/domain/overdue';
import { overdueList } from '../../src/domain/overdue-list';
import type { Person } from '../../src/domain/person';
import { STATUSES } from '../../src/domain/status';
import { summarisePlan } from '../../src/domain/summary';
import {
  longNote,
  manyActions,
  POSTS,
  SAMPLE_NOW,
  sampleAction,
  sampleActions,
  sampleHistory,
  samplePeople,
  samplePlan,
  sampleSummary,
  sampleUpdate,
} from '../support/sample-data';

/** One card as a person would get it: its type, typical or worst case, and the card. */
export interface CardCase {
  name: string;
  worst: boolean;
  card: AdaptiveCard;
}

const NOTE = longNote(4000);
const WORST_ACTIONS = 200;
/** 60 Teams user ids as long as real ones: the most a shared card lists. */
const TEAMS_IDS = Array.from(
  { length: 60 },
  (_, i) => `29:${String(i).padStart(4, '0')}${'x'.repeat(96)}`,
);

/**
 * Two more of the head of marketing's actions, so a sample prompt has one due today and one
 * due soon beside the overdue one.
 */
const NUDGE_EXTRAS: Action[] = [
  {
    ...sampleAction('4'),
    ref: '5',
    recommendation:
      'That members are told which council accounts they can share and who runs them.',
    proposedAction:
      "Publish a members' guide to the council's social media accounts, with who to contact for help.",
    owners: [POSTS.marketing],
    timescale: '1 March 2022',
    due: '2022-03-01',
    revisedDue: null,
    revisedReason: null,
    status: 'on-track',
  },
  {
    ...sampleAction('4'),
    ref: '6',
    recommendation: 'That social media etiquette is part of the induction of new members.',
    proposedAction:
      'Add a session on social media etiquette to the induction programme for members elected in May.',
    owners: [POSTS.marketing],
    timescale: '15 March 2022',
    due: '2022-03-15',
    revisedDue: null,
    revisedReason: null,
    status: 'not-started',
    lastUpdateAt: null,
    lastUpdateBy: null,
    lastNote: null,
  },
];

/**
 * What `person` is prompted about on the sample day, as the nudge job decides it (overdue,
 * due today, due soon, no recent update): reasons and lateness always agree with the dates.
 */
function nudgeItems(actions: Action[], person: Person) {
  const [batch] = nudgesDue({
    actions: actions.map((action) => ({ action, plan: samplePlan })),
    people: [person],
    lastPrompts: new Map(),
    now: SAMPLE_NOW,
    policy: DEFAULT_NUDGE_POLICY,
  });
  if (!batch) throw new Error('The sample day prompts nobody');
  return batch.items;
}

/** 200 actions with every status, long notes and text, overdue by various amounts. */
function worstActions(): Action[] {
  return manyActions(WORST_ACTIONS).map((action, i) => ({
    ...action,
    status: STATUSES[i % STATUSES.length],
    proposedAction: longNote(1500),
    owners: [POSTS.marketing],
    lastNote: NOTE,
    // Half were last updated months ago, so the prompt asks about them too.
    lastUpdateAt: new Date(
      SAMPLE_NOW.getTime() - (i % 2) * 90 * 86_400_000 - i * 3_600_000,
    ).toISOString(),
    lastUpdateBy: 'Priya Shah',
    due: i % 3 === 0 ? '2021-12-31' : '2022-06-30',
  }));
}

/** 15 updates of one action, each with a 4,000-character note and a revised date. */
function worstHistory(): ActionUpdate[] {
  return Array.from({ length: 15 }, (_, i) =>
    sampleUpdate('2', {
      at: new Date(SAMPLE_NOW.getTime() - (i + 1) * 86_400_000).toISOString(),
      statusFrom: STATUSES[i % STATUSES.length],
      statusTo: STATUSES[(i + 1) % STATUSES.length],
      note: NOTE,
      dueTo: '2022-09-30',
      reason: longNote(1000),
    }),
  );
}

/**
 * The sample plan's weekly digest for its chair on the sample day, as the digest job builds it:
 * the week's updates, prompts not answered, what is overdue or due soon. At its worst, 200
 * actions each updated in the week with a 4,000-character note and 60 officers not answering.
 */
function digest(worst: boolean): Digest {
  const actions = worst ? worstActions() : [...sampleActions, ...NUDGE_EXTRAS];
  const officers: Person[] = Array.from({ length: worst ? 60 : 0 }, (_, i) => ({
    ...samplePeople.marketing,
    email: `officer${i + 1}@council.example`,
    name: `Officer ${i + 1}`,
  }));
  const day = (days: number, hour = 10): string =>
    new Date(SAMPLE_NOW.getTime() - days * 86_400_000 + (hour - 9) * 3_600_000).toISOString();
  const updates = worst
    ? actions.map((a, i) =>
        sampleUpdate(a.ref, {
          at: day(1 + (i % 6)),
          by: samplePeople.marketing.email,
          byName: samplePeople.marketing.name,
          statusFrom: 'on-track',
          statusTo: a.status,
          note: NOTE,
        }),
      )
    : [
        sampleUpdate('4', {
          at: day(1, 15),
          statusFrom: 'off-track',
          statusTo: 'on-track',
          note: 'Draft framework shared with group leaders for comment.',
        }),
        sampleUpdate('5', {
          at: day(4),
          by: samplePeople.marketing.email,
          byName: samplePeople.marketing.name,
          statusFrom: 'not-started',
          statusTo: 'on-track',
          note: 'Guide drafted; the design team is booked for next week.',
        }),
      ];
  const prompts = [samplePeople.marketing, ...officers].map((p, i) => ({
    email: p.email,
    planId: samplePlan.id,
    ref: worst ? actions[i * 3].ref : '2',
    sentAt: day(8 + (i % 14), 9),
  }));
  return buildPlanDigest({
    plan: samplePlan,
    actions,
    people: [...Object.values(samplePeople), ...officers],
    updates,
    prompts,
    now: SAMPLE_NOW,
    escalateDays: 28,
    timezone: samplePlan.timezone,
  });
}

/** Every card type, typical and at its worst (200 actions, 4,000-character notes, 15 updates). */
export function cardCases(): CardCase[] {
  const cases: CardCase[] = [];
  for (const worst of [false, true]) {
    const actions = worst ? worstActions() : sampleActions;
    const withPlans = actions.map((action) => ({ action, plan: samplePlan }));
    const add = (name: string, card: AdaptiveCard): void => {
      cases.push({ name, worst, card });
    };
    add(
      'nudge',
      buildNudgeCard({
        person: samplePeople.marketing,
        items: nudgeItems(worst ? actions : [...actions, ...NUDGE_EXTRAS], samplePeople.marketing),
      }),
    );
    add(
      'action',
      buildActionCard({
        action: worst ? { ...actions[1], recommendation: longNote(1500) } : sampleAction('2'),
        plan: samplePlan,
        viewer: { canEdit: true },
        history: worst ? worstHistory() : sampleHistory,
        lateness: latenessOf(worst ? actions[1] : sampleAction('2'), SAMPLE_NOW),
        notice: 'Saved: ▲ At risk. Thank you.',
        noticeStyle: 'good',
      }),
    );
    // What everyone in a group chat or channel sees, listing 60 people for their own view.
    add(
      'action-shared',
      withRefresh(
        buildActionCard({
          action: worst ? { ...actions[1], recommendation: longNote(1500) } : sampleAction('2'),
          plan: samplePlan,
          viewer: { canEdit: false, everyone: true },
          history: worst ? worstHistory() : sampleHistory,
          lateness: latenessOf(worst ? actions[1] : sampleAction('2'), SAMPLE_NOW),
        }),
        { view: 'action', planId: samplePlan.id, ref: '2' },
        TEAMS_IDS,
      ),
    );
    add(
      'sign-off-shared',
      withRefresh(
        buildSignOffCard({
          plan: samplePlan,
          awaiting: actions.map((a) => ({ ...a, status: 'complete' as const })),
          everyone: true,
        }),
        { view: 'sign-off', planId: samplePlan.id },
        TEAMS_IDS,
      ),
    );
    add(
      'my-actions',
      buildMyActionsCard({
        person: samplePeople.marketing,
        list: myActionsList(withPlans, SAMPLE_NOW, true),
      }),
    );
    add('overdue', buildOverdueCard(overdueList(withPlans, SAMPLE_NOW)));
    const summary = worst ? summarisePlan(samplePlan, actions, SAMPLE_NOW) : sampleSummary();
    add('summary', buildSummaryCard({ summary }));
    add(
      'plans',
      buildPlansListCard({
        plans: Array.from({ length: worst ? 60 : 3 }, (_, i) => ({
          plan: { id: `${samplePlan.id}-${i}`, title: `${samplePlan.title} ${i + 1}` },
          summary,
        })),
      }),
    );
    add(
      'digest',
      buildDigestCard(digest(worst), {
        which: `plan|${samplePlan.id}`,
        at: SAMPLE_NOW.toISOString(),
      }),
    );
    add(
      'choose-action',
      buildChooseActionCard({
        note: worst ? NOTE : 'Done, approved on Tuesday.',
        items: withPlans,
      }),
    );
    add(
      'reply-confirmation',
      buildReplyConfirmationCard({
        action: sampleAction('4'),
        plan: samplePlan,
        note: worst ? NOTE : 'Done, approved on Tuesday.',
        inferredStatus: 'complete',
        previousStatus: 'on-track',
      }),
    );
    add(
      'help',
      buildHelpCard({ roles: worst ? ['officer', 'head', 'chair', 'admin'] : ['officer'] }),
    );
    add(
      'welcome',
      buildWelcomeCard({
        person: worst ? samplePeople.marketing : null,
        adminContact: 'Digital Services (it.service@council.example)',
      }),
    );
    add(
      'notice',
      buildNoticeCard({
        title: 'Imported 200 actions',
        lines: worst ? Array.from({ length: 40 }, () => NOTE.slice(0, 400)) : ['Nothing lost.'],
        style: 'good',
      }),
    );
  }
  return cases;
}
