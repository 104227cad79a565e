import { Template } from 'adaptivecards-templating';
import actionTemplate from '../../cards/action.json';
import {
  CARD_BUDGET_BYTES,
  cardBytes,
  CardTooLargeError,
  expandCard,
  fitCard,
  MAX_CARD_BYTES,
  renderCard,
} from '../../src/cards/render';
import { HOSTILE_TEXTS } from '../support/sample-data';

describe('the templating engine', () => {
  it('does not evaluate ${…} found in data values, wherever they are bound', () => {
    const template = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextRun', text: '${note}' },
        { type: 'TextRun', text: 'Note: ${note}' },
        { type: 'Container', $data: '${items}', items: [{ type: 'TextRun', text: '${text}' }] },
        { type: 'Action.Execute', data: '${payload}' },
      ],
    };
    for (const hostile of HOSTILE_TEXTS) {
      const data = {
        note: hostile,
        secret: 'LEAKED',
        ref: 'REF',
        items: [{ text: hostile }],
        payload: { note: hostile, nested: [hostile] },
      };
      const card = new Template(template).expand({ $root: data }) as { body: unknown[] };
      expect(card.body).toEqual([
        { type: 'TextRun', text: hostile },
        { type: 'TextRun', text: `Note: ${hostile}` },
        { type: 'Container', items: [{ type: 'TextRun', text: hostile }] },
        { type: 'Action.Execute', data: { note: hostile, nested: [hostile] } },
      ]);
      expect(JSON.stringify(card)).not.toContain('LEAKED');
    }
  });

  it('leaves the template untouched, so it can be expanded again', () => {
    const before = JSON.stringify(actionTemplate);
    expandCard(actionTemplate, { heading: 'Action 1' });
    expect(JSON.stringify(actionTemplate)).toBe(before);
  });
});

describe('fitCard', () => {
  const build = (n: number) => ({ type: 'AdaptiveCard', items: Array(n).fill('x'.repeat(4_000)) });

  it('keeps the asked-for number of entries when the card fits', () => {
    expect((fitCard(build, 5).items as string[]).length).toBe(5);
  });

  it('shows fewer entries until the card fits', () => {
    const card = fitCard(build, 20);
    const n = (card.items as string[]).length;
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(n).toBe(7);
  });

  it('counts bytes, not characters', () => {
    expect(cardBytes({ t: 'é' })).toBe(JSON.stringify({ t: 'é' }).length + 1);
  });

  it('refuses a card that cannot be brought within the budget', () => {
    const huge = () => ({ type: 'AdaptiveCard', text: 'x'.repeat(CARD_BUDGET_BYTES) });
    expect(() => fitCard(huge, 3)).toThrow(CardTooLargeError);
    expect(() =>
      renderCard({ type: 'AdaptiveCard', text: '${t}' }, { t: 'x'.repeat(30_000) }),
    ).toThrow(/over the budget of 28672 bytes/);
  });
});
