import {
  buildActionCard as buildCard,
  EVERYONE_NOTE,
  type ActionCardInput,
} from '../../src/cards/action-card';
import { latenessOf } from '../../src/domain/overdue';
import { MAX_REFRESH_USERS, withRefresh } from '../../src/cards/refresh';
import { CARD_BUDGET_BYTES, cardBytes } from '../../src/cards/render';
import { buildSignOffCard } from '../../src/cards/sign-off-card';
import { VERBS } from '../../src/cards/verbs';
import {
  longNote,
  SAMPLE_NOW,
  sampleAction,
  sampleHistory,
  samplePlan,
} from '../support/sample-data';
import { executeActions, expectSoundCard, inputIdsOf, visibleText } from './card-checks';

/** The action card as the open-action use case feeds it: lateness on the sample day. */
function buildActionCard(input: Omit<ActionCardInput, 'lateness'>) {
  return buildCard({
    ...input,
    lateness: latenessOf(input.action, SAMPLE_NOW, input.plan.timezone),
  });
}

/** Teams user ids as long as real ones ("29:" and a 100-odd character token). */
const teamsIds = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `29:${String(i).padStart(4, '0')}${'x'.repeat(96)}`);

describe('the card everyone in a shared chat sees', () => {
  const action = {
    ...sampleAction('2'),
    lastNote: 'Spoke to Cllr Patel at home about the delay.',
    lastUpdateBy: 'Priya Shah',
  };

  it('shows the action without inputs, notes, history, notices or names', () => {
    const card = buildActionCard({
      action,
      plan: samplePlan,
      viewer: { canEdit: true, everyone: true },
      history: sampleHistory,
      notice: 'Saved: ▲ At risk — ‘Spoke to Cllr Patel…’.',
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Action 2');
    expect(text).toContain('▲ At risk');
    expect(text).toContain(EVERYONE_NOTE);
    expect(JSON.stringify(card)).not.toContain('Cllr Patel');
    expect(JSON.stringify(card)).not.toContain('Priya Shah');
    expect(inputIdsOf(card)).toEqual([]);
    expect(executeActions(card)).toEqual([]);
  });

  it('is the same read-only card an owner gets, less the personal parts', () => {
    const reader = buildActionCard({
      action,
      plan: samplePlan,
      viewer: { canEdit: false },
      history: sampleHistory,
    });
    expect(visibleText(reader)).toContain('Cllr Patel');
    expect(visibleText(reader)).toContain('by Priya Shah');
    expect(inputIdsOf(reader)).toEqual([]);
  });

  it('lists what awaits sign-off without the owners’ notes, comment boxes or buttons', () => {
    const awaiting = ['1', '3'].map((ref) => ({
      ...sampleAction(ref),
      status: 'complete' as const,
      lastNote: `Delivered; Cllr Patel told (${ref}).`,
    }));
    const everyone = buildSignOffCard({
      plan: samplePlan,
      awaiting,
      everyone: true,
      notice: 'Signed off action 2.',
    });
    expectSoundCard(everyone);
    expect(visibleText(everyone)).toContain('Action 1');
    expect(visibleText(everyone)).toContain('2 actions are complete');
    expect(JSON.stringify(everyone)).not.toContain('Cllr Patel');
    expect(JSON.stringify(everyone)).not.toContain('Signed off action 2');
    expect(inputIdsOf(everyone)).toEqual([]);
    expect(executeActions(everyone)).toEqual([]);
    const chair = buildSignOffCard({ plan: samplePlan, awaiting });
    expect(inputIdsOf(chair)).toEqual(['comment-1', 'comment-2']);
    expect(executeActions(chair).map((a) => a.verb)).toEqual([
      VERBS.signOffAction,
      VERBS.reopenAction,
      VERBS.signOffAction,
      VERBS.reopenAction,
      VERBS.signOffAll,
    ]);
  });
});

describe('refresh: a view of their own for the people listed', () => {
  const card = buildActionCard({
    action: sampleAction('2'),
    plan: samplePlan,
    viewer: { canEdit: false, everyone: true },
  });

  it('names the view to rebuild, and lists at most 60 people, the first first', () => {
    const ids = teamsIds(75);
    const shared = withRefresh(card, { view: 'action', planId: samplePlan.id, ref: '2' }, ids);
    expectSoundCard(shared);
    const refresh = shared.refresh as { action: Record<string, unknown>; userIds: string[] };
    expect(refresh.action).toEqual({
      type: 'Action.Execute',
      title: 'Refresh',
      verb: VERBS.refreshCard,
      data: { verb: VERBS.refreshCard, view: 'action', planId: samplePlan.id, ref: '2' },
    });
    expect(MAX_REFRESH_USERS).toBe(60);
    expect(refresh.userIds).toEqual(ids.slice(0, 60));
    expect(cardBytes(shared)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
  });

  it('gives up people, never content, when the card is near the size budget', () => {
    const long = buildActionCard({
      action: { ...sampleAction('2'), recommendation: longNote(1500), lastNote: longNote(4000) },
      plan: samplePlan,
      viewer: { canEdit: true },
      history: Array.from({ length: 10 }, () => ({ ...sampleHistory[0], note: longNote(4000) })),
    });
    const shared = withRefresh(
      long,
      { view: 'action', planId: samplePlan.id, ref: '2' },
      teamsIds(60),
    );
    expect(cardBytes(shared)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const kept = (shared.refresh as { userIds: string[] } | undefined)?.userIds ?? [];
    expect(kept.length).toBeLessThan(60);
    expect(kept).toEqual(teamsIds(60).slice(0, kept.length));
    // Whatever happened to the refresh, the card's content is untouched.
    expect(shared.body).toEqual(long.body);
  });
});
