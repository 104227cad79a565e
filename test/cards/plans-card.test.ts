import { sentenceCase } from '../../src/cards/format';
import { buildPlansListCard } from '../../src/cards/plans-card';
import { buildPlansListCard as fromSummary } from '../../src/cards/summary-card';
import { VERBS } from '../../src/cards/verbs';
import { summarisePlan } from '../../src/domain/summary';
import {
  HOSTILE_TEXTS,
  manyActions,
  SAMPLE_NOW,
  sampleActions,
  samplePlan,
  sampleSummary,
} from '../support/sample-data';
import {
  executeActions,
  executeData,
  expectLiteral,
  expectSoundCard,
  visibleText,
} from './card-checks';

describe('plans list card', () => {
  const second = {
    ...samplePlan,
    id: 'budget-scrutiny-2022',
    title: 'Budget Scrutiny Panel – Action Plan',
  };

  it('lists each plan with % complete, counts and a summary button', () => {
    const card = buildPlansListCard({
      plans: [
        { plan: samplePlan, summary: sampleSummary() },
        {
          plan: second,
          summary: summarisePlan(
            second,
            manyActions(3, { status: 'on-track', due: null, revisedDue: null }),
            SAMPLE_NOW,
          ),
        },
      ],
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain(sentenceCase(samplePlan.title));
    expect(text).toContain('4 actions · 50% complete');
    expect(text).toContain('1 overdue');
    expect(text).toContain('1 on track, 1 at risk, 2 complete');
    expect(text).toContain('3 actions · 0% complete');
    expect(executeActions(card).map((a) => a.verb)).toEqual([VERBS.showSummary, VERBS.showSummary]);
    expect(executeData(card)).toEqual([
      { verb: 'showSummary', planId: samplePlan.id },
      { verb: 'showSummary', planId: 'budget-scrutiny-2022' },
    ]);
  });

  it('pages a long list of plans, ten at a time', () => {
    const plans = Array.from({ length: 45 }, (_, i) => {
      const plan = { ...samplePlan, id: `plan-${i}`, title: `Plan ${i} `.repeat(40) };
      return { plan, summary: summarisePlan(plan, sampleActions, SAMPLE_NOW) };
    });
    const card = buildPlansListCard({ plans });
    expectSoundCard(card);
    expect(executeActions(card).filter((a) => a.verb === VERBS.showSummary)).toHaveLength(10);
    expect(visibleText(card)).toContain('Showing 1 to 10 of 45.');
    expect(executeActions(card).filter((a) => a.verb === VERBS.showPage)).toHaveLength(1);
  });

  it('shows plan titles literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const plan = { ...samplePlan, title: `Plan ${hostile}` };
      const card = buildPlansListCard({
        plans: [{ plan, summary: summarisePlan(plan, sampleActions, SAMPLE_NOW) }],
      });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Plan ${hostile}`);
    }
  });

  it('is also offered by the summary card module, which answers the same command', () => {
    expect(fromSummary).toBe(buildPlansListCard);
  });
});
