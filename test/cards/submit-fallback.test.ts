import { buildActionCard } from '../../src/cards/action-card';
import { cardBytes, type AdaptiveCard } from '../../src/cards/render';
import { withSubmitFallback } from '../../src/cards/submit-fallback';
import { VERBS } from '../../src/cards/verbs';
import { latenessOf } from '../../src/domain/overdue';
import { SAMPLE_NOW, sampleAction, sampleHistory, samplePlan } from '../support/sample-data';
import { executeActions, expectSoundCard, ofType } from './card-checks';

const card: AdaptiveCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'Input.Text', id: 'note', label: 'Note' },
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          title: 'Update action 4',
          style: 'positive',
          verb: 'updateAction',
          associatedInputs: 'auto',
          data: { verb: 'updateAction', planId: 'p', ref: '4' },
        },
        {
          type: 'Action.Execute',
          title: 'Snooze action 4 for 1 week',
          mode: 'secondary',
          verb: 'snoozeAction',
          data: { planId: 'p', ref: '4', weeks: 1 },
        },
      ],
    },
  ],
};

describe('Action.Submit fallback for clients without Universal Actions', () => {
  it('gives every button a Submit with its title, inputs and data, verb included', () => {
    const covered = withSubmitFallback(card, 28 * 1024, cardBytes);
    expectSoundCard(covered);
    const [update, snooze] = executeActions(covered);
    expect(update.fallback).toEqual({
      type: 'Action.Submit',
      title: 'Update action 4',
      style: 'positive',
      associatedInputs: 'auto',
      data: { verb: 'updateAction', planId: 'p', ref: '4' },
    });
    expect((snooze.fallback as { data: unknown }).data).toEqual({
      planId: 'p',
      ref: '4',
      weeks: 1,
      verb: 'snoozeAction',
    });
    // The card it was given is left as it was.
    expect(executeActions(card).every((a) => a.fallback === undefined)).toBe(true);
  });

  it('covers only the primary buttons when that is all the budget leaves room for, then none', () => {
    const all = cardBytes(withSubmitFallback(card, 1_000_000, cardBytes));
    const primary = withSubmitFallback(card, all - 1, cardBytes);
    expect(executeActions(primary).map((a) => a.fallback !== undefined)).toEqual([true, false]);
    const none = withSubmitFallback(card, cardBytes(card), cardBytes);
    expect(none).toEqual(card);
  });

  it('is on the buttons of the cards as built', () => {
    const action = sampleAction('2');
    const built = buildActionCard({
      action,
      plan: samplePlan,
      viewer: { canEdit: true },
      history: sampleHistory,
      lateness: latenessOf(action, SAMPLE_NOW, samplePlan.timezone),
    });
    const submits = ofType(built, 'Action.Submit');
    expect(submits).toHaveLength(1);
    expect((submits[0].data as { verb: string }).verb).toBe(VERBS.updateAction);
  });
});
