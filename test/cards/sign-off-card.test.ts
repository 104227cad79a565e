import { buildSignOffCard, SIGN_OFF_LIMIT } from '../../src/cards/sign-off-card';
import { commentInputId, VERBS } from '../../src/cards/verbs';
import { isWellFormedCardData } from '../../src/bot/card-data';
import { HOSTILE_TEXTS, manyActions, sampleAction, samplePlan } from '../support/sample-data';
import {
  CARD_LIMIT,
  executeData,
  expectLiteral,
  expectSoundCard,
  inputIdsOf,
  jsonLength,
  visibleText,
} from './card-checks';

const complete = (ref: string, note: string | null = 'Delivered and reported to the panel.') => ({
  ...sampleAction(ref),
  status: 'complete' as const,
  lastNote: note,
});

describe('sign-off card', () => {
  it('lists each action awaiting sign-off with Sign off and Reopen, and one Sign off all', () => {
    const card = buildSignOffCard({ plan: samplePlan, awaiting: [complete('1'), complete('3')] });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Awaiting sign-off');
    expect(text).toContain('2 actions are complete and waiting for a chair or admin');
    expect(text).toContain('Delivered and reported to the panel.');
    expect(inputIdsOf(card)).toEqual([commentInputId('1'), commentInputId('2')]);
    const data = executeData(card);
    expect(data.map((d) => [d.verb, d.ref ?? d.refs])).toEqual([
      [VERBS.signOffAction, '1'],
      [VERBS.reopenAction, '1'],
      [VERBS.signOffAction, '3'],
      [VERBS.reopenAction, '3'],
      [VERBS.signOffAll, '1,3'],
    ]);
    // What the buttons send back passes the bot's own check of card data.
    expect(data.every((d) => isWellFormedCardData(d))).toBe(true);
  });

  it('says when nothing is waiting, and offers no Sign off all for a single action', () => {
    expect(visibleText(buildSignOffCard({ plan: samplePlan, awaiting: [] }))).toContain(
      'Nothing is waiting for sign-off.',
    );
    const one = buildSignOffCard({ plan: samplePlan, awaiting: [complete('1', null)] });
    expectSoundCard(one);
    expect(executeData(one).map((d) => d.verb)).not.toContain(VERBS.signOffAll);
  });

  it('stays within the size limit with many long notes, saying how many more there are', () => {
    const awaiting = manyActions(60, { status: 'complete', lastNote: 'x'.repeat(4000) });
    const card = buildSignOffCard({ plan: samplePlan, awaiting, notice: 'Signed off action 4.' });
    expectSoundCard(card);
    expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
    expect(
      executeData(card).filter((d) => d.verb === VERBS.signOffAction).length,
    ).toBeLessThanOrEqual(SIGN_OFF_LIMIT);
    expect(visibleText(card)).toMatch(/…and \d+ more: sign these off/);
  });

  it('shows notes literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const card = buildSignOffCard({ plan: samplePlan, awaiting: [complete('1', hostile)] });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, hostile);
    }
  });
});
