import { sentenceCase } from '../../src/cards/format';
import { buildOverdueCard } from '../../src/cards/overdue-card';
import { PAGE_SIZE } from '../../src/cards/pager';
import { daysLate } from '../../src/domain/overdue';
import { overdueList } from '../../src/domain/overdue-list';
import {
  HOSTILE_TEXTS,
  manyActions,
  SAMPLE_NOW,
  sampleAction,
  samplePlan,
} from '../support/sample-data';
import {
  CARD_LIMIT,
  expectLiteral,
  expectSoundCard,
  jsonLength,
  ofType,
  visibleText,
  executeActions,
} from './card-checks';

const other = {
  ...samplePlan,
  id: 'budget-scrutiny-2022',
  title: 'Budget Scrutiny Panel – Action Plan',
};

function item(action: ReturnType<typeof sampleAction>, plan = samplePlan) {
  return { action, plan, daysLate: daysLate(action, SAMPLE_NOW, plan.timezone) };
}

// The domain's overdueList picks and orders what is overdue; the card groups it by plan.
describe('overdue card', () => {
  it('groups overdue actions by plan, the latest first', () => {
    const items = [
      item({ ...sampleAction('4'), revisedDue: null, ref: '4' }),
      item({ ...sampleAction('2'), ref: '2' }, other),
      item({ ...sampleAction('2') }),
      item({ ...sampleAction('4'), revisedDue: '2022-02-25', ref: '7' }, other),
    ];
    const card = buildOverdueCard(overdueList(items, SAMPLE_NOW));
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('4 actions are past due on 1 March 2022.');
    // The members' plan has the latest action (4: 3 months late), so it comes first.
    const refs = ofType(card, 'TextRun')
      .map((r) => String(r.text))
      .filter(
        (t) => /^Action \d$/.test(t) || t === sentenceCase(samplePlan.title) || t === other.title,
      );
    expect(refs).toEqual([
      sentenceCase(samplePlan.title),
      'Action 4',
      'Action 2',
      other.title,
      'Action 2',
      'Action 7',
    ]);
    expect(text).toContain('3 months late');
    expect(text).toContain('4 days late');
    expect(text).toContain('Head of Democratic Services');
    expect(text).toContain('Marketing and Communications will work with Democratic Services');
  });

  it('says when nothing is overdue', () => {
    const card = buildOverdueCard(overdueList([], SAMPLE_NOW));
    expectSoundCard(card);
    expect(visibleText(card)).toContain('Nothing is overdue on 1 March 2022.');
  });

  it('caps a very long list and stays under 80 KB', () => {
    const items = manyActions(500, {
      due: '2021-12-31',
      revisedDue: null,
      status: 'off-track',
    }).map((a, i) =>
      item({ ...a, proposedAction: 'Long text. '.repeat(300) }, i % 2 ? samplePlan : other),
    );
    const card = buildOverdueCard(overdueList(items, SAMPLE_NOW));
    expectSoundCard(card);
    expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
    expect(ofType(card, 'TextRun').filter((r) => /^Action \d+$/.test(String(r.text)))).toHaveLength(
      PAGE_SIZE,
    );
    expect(visibleText(card)).toContain('Showing 1 to 10 of 500.');
    expect(executeActions(card).map((a) => a.title)).toEqual(['Show next 10']);
  });

  it('shows plan text literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const action = {
        ...sampleAction('2'),
        owners: [`Head of ${hostile}`],
        proposedAction: `Plan ${hostile}`,
      };
      const card = buildOverdueCard(
        overdueList([item(action, { ...samplePlan, title: `Title ${hostile}` })], SAMPLE_NOW),
      );
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Head of ${hostile}`);
      expectLiteral(card, `Plan ${hostile}`);
      expectLiteral(card, `Title ${hostile}`);
    }
  });
});
