import { CARD_BUDGET_BYTES, cardBytes } from '../../src/cards/render';
import { cardCases } from './card-cases';
import { expectSoundCard } from './card-checks';

describe('every card, at its worst, within the size budget', () => {
  const cases = cardCases();

  it('covers every card type, typical and worst case', () => {
    const names = new Set(cases.map((c) => c.name));
    expect(names.size).toBeGreaterThanOrEqual(12);
    expect(cases.filter((c) => c.worst)).toHaveLength(names.size);
  });

  it.each(cases.map((c) => [`${c.name}${c.worst ? ' (worst case)' : ''}`, c] as const))(
    '%s fits in 28 KB and is a sound card',
    (_name, { card }) => {
      expect(CARD_BUDGET_BYTES).toBe(28 * 1024);
      expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
      expectSoundCard(card);
    },
  );
});
