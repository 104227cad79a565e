import { buildChooseActionCard, CHOOSE_LIMIT } from '../../src/cards/choose-action-card';
import { sentenceCase } from '../../src/cards/format';
import { CARD_BUDGET_BYTES, cardBytes } from '../../src/cards/render';
import { REPLY_INPUT_ID, VERBS } from '../../src/cards/verbs';
import {
  HOSTILE_TEXTS,
  longNote,
  manyActions,
  sampleAction,
  samplePlan,
} from '../support/sample-data';
import { executeActions, executeData, expectSoundCard, ofType, visibleText } from './card-checks';

const reply = 'Framework agreed by group leaders on Monday, going to committee on 14 March.';

/** The reply input of a choose-action card: where the reply is, once. */
function replyInput(card: ReturnType<typeof buildChooseActionCard>): Record<string, unknown> {
  const inputs = ofType(card, 'Input.Text');
  expect(inputs).toHaveLength(1);
  return inputs[0];
}

describe('choose action card', () => {
  const items = ['2', '4'].map((ref) => ({ action: sampleAction(ref), plan: samplePlan }));

  it('holds the reply once, in an input every button sends, with one button per action', () => {
    const card = buildChooseActionCard({ note: reply, items });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Which action is this about?');
    expect(replyInput(card)).toMatchObject({
      id: REPLY_INPUT_ID,
      label: 'Your reply',
      value: reply,
      isMultiline: true,
      maxLength: 4000,
    });
    expect(JSON.stringify(card).split('Framework agreed by group leaders')).toHaveLength(2);
    expect(text).toContain('Action 2');
    expect(text).toContain('Action 4');
    expect(text).toContain(`which action of ${sentenceCase(samplePlan.title)}`);
    expect(executeActions(card).map((a) => [a.verb, a.title, a.associatedInputs])).toEqual([
      [VERBS.chooseReplyAction, 'Record on action 2', 'auto'],
      [VERBS.chooseReplyAction, 'Record on action 4', 'auto'],
    ]);
    expect(executeData(card)).toEqual(
      items.map(({ action }) => ({
        verb: 'chooseReplyAction',
        planId: samplePlan.id,
        ref: action.ref,
        version: action.version,
        shownStatus: action.status,
        slot: '',
      })),
    );
  });

  it('offers every choice, up to ten, with a 4,000-character reply, within 28 KB', () => {
    const note = longNote(4000);
    const many = manyActions(25, { proposedAction: longNote(1500) }).map((action, i) => ({
      action,
      plan: { ...samplePlan, id: `${samplePlan.id}-${i}`, title: longNote(300) },
    }));
    const card = buildChooseActionCard({ note, items: many });
    expectSoundCard(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(executeActions(card)).toHaveLength(CHOOSE_LIMIT);
    expect(replyInput(card).value).toBe(note);
    expect(visibleText(card)).toContain(`…and ${25 - CHOOSE_LIMIT} more`);
  });

  it('keeps the reply literally as typed', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const card = buildChooseActionCard({ note: `Reply ${hostile}`, items });
      expectSoundCard(card, [hostile]);
      expect(replyInput(card).value).toBe(`Reply ${hostile}`);
    }
  });
});
