import { clip, LIST_NOTE_MAX, sentenceCase } from '../../src/cards/format';
import { VERBS } from '../../src/cards/verbs';
import { buildSummaryCard } from '../../src/cards/summary-card';
import { summarisePlan } from '../../src/domain/summary';
import {
  HOSTILE_TEXTS,
  longNote,
  manyActions,
  SAMPLE_NOW,
  sampleActions,
  samplePlan,
  sampleSummary,
} from '../support/sample-data';
import {
  CARD_LIMIT,
  expectLiteral,
  expectSoundCard,
  jsonLength,
  ofType,
  visibleText,
  barsOf,
  expectDefaultTextColours,
  executeActions,
} from './card-checks';

describe('summary card', () => {
  it('shows the plan, totals, % complete, coloured bars, legend, overdue and recent updates', () => {
    const card = buildSummaryCard({ summary: sampleSummary() });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain(sentenceCase(samplePlan.title));
    expect(text).toContain('Agreed 7 September 2021 · Position on 1 March 2022');
    expect(text).toContain('4 actions · 50% complete');
    expect(barsOf(card)).toEqual([
      ['#2E9440', 1],
      ['#C96800', 1],
      ['#2F80DF', 2],
    ]);
    expect(text).toContain('○ Not started: 0 (0%)');
    expect(text).toContain('✓ Complete: 2 (50%)');
    expectDefaultTextColours(card);
    expect(text).toContain('Overdue: 1 action');
    expect(text).toContain('Head of Marketing and Communications and Head of Democratic Services');
    expect(text).toContain('4 weeks late');
    expect(text).toContain('Recently updated');
    // Action 4 was updated after action 2: newest first.
    expect(text.indexOf('Draft framework shared')).toBeLessThan(
      text.indexOf('the February meeting'),
    );
    expect(text).toContain('14 February 2022 at 9:12am');
    expect(text).toContain('Sam Okafor');
  });

  it('makes bar widths proportional to the counts, with no bar for an empty status', () => {
    const actions = [
      ...manyActions(6, { status: 'on-track' }),
      ...manyActions(3, { status: 'off-track' }),
      ...manyActions(1, { status: 'not-started' }),
    ];
    const summary = summarisePlan(samplePlan, actions, SAMPLE_NOW);
    const card = buildSummaryCard({ summary });
    expectSoundCard(card);
    expect(barsOf(card)).toEqual([
      ['#808080', 1],
      ['#2E9440', 6],
      ['#F03A3F', 3],
    ]);
  });

  it('handles a plan with no actions', () => {
    const summary = summarisePlan(samplePlan, [], SAMPLE_NOW);
    const card = buildSummaryCard({ summary });
    expectSoundCard(card);
    expect(visibleText(card)).toContain('This plan has no actions yet.');
    expect(ofType(card, 'ColumnSet')).toEqual([]);
  });

  it('caps 500 overdue actions at 10 and stays small, with long notes on recent updates', () => {
    const actions = manyActions(500, {
      status: 'off-track',
      due: '2021-12-31',
      revisedDue: null,
      lastUpdateAt: '2022-02-01T10:00:00Z',
      lastNote: longNote(4000),
    });
    const summary = summarisePlan(samplePlan, actions, SAMPLE_NOW);
    const card = buildSummaryCard({ summary });
    expectSoundCard(card);
    expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
    const text = visibleText(card);
    expect(text).toContain('Overdue: 500 actions');
    expect(text).toContain('…and 490 more: type **overdue** to see more.');
    // Notes in the list are clipped, each with "Show all" opening its action.
    expect(
      ofType(card, 'TextRun').filter((r) => r.text === clip(longNote(4000), LIST_NOTE_MAX)),
    ).toHaveLength(5);
    expect(executeActions(card).filter((a) => a.verb === VERBS.showAction)).toHaveLength(5);
  });

  it('shows notes and names literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const actions = sampleActions.map((a) =>
        a.ref === '4' ? { ...a, lastNote: `Note ${hostile}`, lastUpdateBy: `By ${hostile}` } : a,
      );
      const summary = summarisePlan(
        { ...samplePlan, title: `Plan ${hostile}` },
        actions,
        SAMPLE_NOW,
      );
      const card = buildSummaryCard({ summary });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Note ${hostile}`);
      expectLiteral(card, `By ${hostile}`);
      expectLiteral(card, `Plan ${hostile}`);
    }
  });
});
