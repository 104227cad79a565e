import { buildMyActionsCard, MY_ACTIONS_LIMIT } from '../../src/cards/my-actions-card';
import { VERBS } from '../../src/cards/verbs';
import {
  HOSTILE_TEXTS,
  manyActions,
  SAMPLE_NOW,
  sampleAction,
  sampleActions,
  samplePeople,
  samplePlan,
} from '../support/sample-data';
import {
  executeActions,
  executeData,
  expectLiteral,
  expectSoundCard,
  visibleText,
  expectDefaultTextColours,
} from './card-checks';

const person = samplePeople.marketing;
const mine = sampleActions
  .filter((a) => a.owners.includes('Head of Marketing and Communications'))
  .map((action) => ({ action, plan: samplePlan }));

describe('my actions card', () => {
  it('lists open actions, overdue first, each with status, lateness and an Open button', () => {
    const card = buildMyActionsCard({
      person,
      items: mine,
      now: SAMPLE_NOW,
      includeComplete: false,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Your open actions');
    expect(text).toContain('2 open actions, 1 overdue.');
    expect(text).not.toContain('Action 1');
    const refs = executeData(card).map((d) => d.ref);
    expect(refs).toEqual(['2', '4']);
    expect(
      executeActions(card).every(
        (a) => /^Open action \d$/.test(String(a.title)) && a.verb === VERBS.showAction,
      ),
    ).toBe(true);
    expect(executeData(card)[0]).toEqual({
      verb: 'showAction',
      planId: samplePlan.id,
      ref: '2',
      version: sampleAction('2').version,
      shownStatus: 'at-risk',
      slot: '',
    });
    expect(text).toContain('4 weeks late');
    expect(text).toContain('▲ At risk');
    expectDefaultTextColours(card);
    expect(text).toContain('due in 60 days');
  });

  it('includes complete actions, last, when asked for all', () => {
    const card = buildMyActionsCard({
      person,
      items: mine,
      now: SAMPLE_NOW,
      includeComplete: true,
    });
    expectSoundCard(card);
    expect(executeData(card).map((d) => d.ref)).toEqual(['2', '4', '1']);
    expect(visibleText(card)).toContain('All your actions');
    expect(visibleText(card)).toContain('1 complete.');
    expect(visibleText(card)).toContain('✓ Complete');
  });

  it('says so when there is nothing open', () => {
    const done = [{ action: sampleAction('1'), plan: samplePlan }];
    const card = buildMyActionsCard({
      person,
      items: done,
      now: SAMPLE_NOW,
      includeComplete: false,
    });
    expectSoundCard(card);
    expect(visibleText(card)).toContain('You have no open actions.');
    expect(executeActions(card)).toEqual([]);
  });

  it('orders by lateness, then due date, and caps a long list', () => {
    const items = manyActions(60, { status: 'on-track', due: '2022-03-10', revisedDue: null }).map(
      (action, i) => ({
        action: i === 59 ? { ...action, due: '2022-01-01' } : action,
        plan: samplePlan,
      }),
    );
    const card = buildMyActionsCard({ person, items, now: SAMPLE_NOW, includeComplete: false });
    expectSoundCard(card);
    expect(executeActions(card)).toHaveLength(MY_ACTIONS_LIMIT);
    expect(executeData(card)[0].ref).toBe('160');
    expect(visibleText(card)).toContain('…and 30 more. The most urgent are shown.');
  });

  it('shows plan text literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const action = {
        ...sampleAction('2'),
        proposedAction: `Plan ${hostile}`,
        ref: `R${hostile}`,
      };
      const card = buildMyActionsCard({
        person,
        items: [{ action, plan: { ...samplePlan, title: `Title ${hostile}` } }],
        now: SAMPLE_NOW,
        includeComplete: false,
      });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Plan ${hostile}`);
      expectLiteral(card, `Title ${hostile}`);
      expect(executeData(card)[0].ref).toBe(`R${hostile}`);
    }
  });
});
