import { buildMyActionsCard } from '../../src/cards/my-actions-card';
import { PAGE_SIZE } from '../../src/cards/pager';
import { VERBS } from '../../src/cards/verbs';
import { myActionsList } from '../../src/domain/my-actions';
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
      list: myActionsList(mine, SAMPLE_NOW, false),
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
      list: myActionsList(mine, SAMPLE_NOW, true),
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
      list: myActionsList(done, SAMPLE_NOW, false),
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
    const card = buildMyActionsCard({ person, list: myActionsList(items, SAMPLE_NOW, false) });
    expectSoundCard(card);
    const opens = executeActions(card).filter((a) => a.verb === VERBS.showAction);
    expect(opens).toHaveLength(PAGE_SIZE);
    expect(executeData(card)[0].ref).toBe('160');
    expect(visibleText(card)).toContain('Showing 1 to 10 of 60.');
    const pager = executeActions(card).filter((a) => a.verb === VERBS.showPage);
    expect(pager.map((a) => [a.title, a.data])).toEqual([
      ['Show next 10', { verb: VERBS.showPage, list: 'my-actions', page: '1' }],
    ]);
    // The last page: the rest, and the way back.
    const last = buildMyActionsCard({
      person,
      list: myActionsList(items, SAMPLE_NOW, false),
      page: 5,
    });
    expect(visibleText(last)).toContain('Showing 51 to 60 of 60.');
    expect(
      executeActions(last)
        .filter((a) => a.verb === VERBS.showPage)
        .map((a) => a.title),
    ).toEqual(['Show previous 10']);
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
        list: myActionsList(
          [{ action, plan: { ...samplePlan, title: `Title ${hostile}` } }],
          SAMPLE_NOW,
          false,
        ),
      });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Plan ${hostile}`);
      expectLiteral(card, `Title ${hostile}`);
      expect(executeData(card)[0].ref).toBe(`R${hostile}`);
    }
  });
});
