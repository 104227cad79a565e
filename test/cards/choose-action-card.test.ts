import { buildChooseActionCard, CHOOSE_LIMIT } from '../../src/cards/choose-action-card';
import { VERBS } from '../../src/cards/verbs';
import {
  HOSTILE_TEXTS,
  longNote,
  manyActions,
  sampleAction,
  samplePlan,
} from '../support/sample-data';
import {
  CARD_LIMIT,
  executeActions,
  executeData,
  expectLiteral,
  expectSoundCard,
  jsonLength,
  visibleText,
} from './card-checks';

const reply = 'Framework agreed by group leaders on Monday, going to committee on 14 March.';

describe('choose action card', () => {
  const items = ['2', '4'].map((ref) => ({ action: sampleAction(ref), plan: samplePlan }));

  it('quotes the reply and offers one button per action carrying the reply', () => {
    const card = buildChooseActionCard({ note: reply, items });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Which action is this about?');
    expectLiteral(card, reply);
    expect(text).toContain('Action 2');
    expect(text).toContain('Action 4');
    expect(executeActions(card).map((a) => a.verb)).toEqual([
      VERBS.chooseReplyAction,
      VERBS.chooseReplyAction,
    ]);
    expect(executeData(card)).toEqual(
      items.map(({ action }) => ({
        verb: 'chooseReplyAction',
        planId: samplePlan.id,
        ref: action.ref,
        version: action.version,
        shownStatus: action.status,
        slot: '',
        note: reply,
      })),
    );
  });

  it('caps the choices and stays within 28 KB with a 4,000-character reply', () => {
    const note = longNote(4000);
    const many = manyActions(25).map((action) => ({ action, plan: samplePlan }));
    const card = buildChooseActionCard({ note, items: many });
    expectSoundCard(card);
    expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
    // Each choice carries the reply: as many as fit (at least three), the rest counted.
    const shown = executeActions(card).length;
    expect(shown).toBeGreaterThanOrEqual(3);
    expect(shown).toBeLessThanOrEqual(CHOOSE_LIMIT);
    expect(executeData(card).every((d) => d.note === note)).toBe(true);
    expect(visibleText(card)).toContain(`…and ${25 - shown} more`);
  });

  it('shows the reply literally and carries it unchanged', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const card = buildChooseActionCard({ note: `Reply ${hostile}`, items });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Reply ${hostile}`);
      expect(executeData(card)[0].note).toBe(`Reply ${hostile}`);
    }
  });
});
