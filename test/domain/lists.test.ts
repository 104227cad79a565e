import { newestFirst, type Action } from '../../src/domain/action';
import { myActionsList } from '../../src/domain/my-actions';
import { latenessOn } from '../../src/domain/overdue';
import { overdueList } from '../../src/domain/overdue-list';
import { orderNudgeItems, type NudgeItem, type NudgeReason } from '../../src/domain/nudge-policy';
import { statusesPresent } from '../../src/domain/status';
import { SAMPLE_NOW, sampleAction, samplePlan, sampleUpdate } from '../support/sample-data';

const at = (ref: string, fields: Partial<Action>): Action => ({
  ...sampleAction('1'),
  ref,
  ...fields,
});

describe('lateness', () => {
  it.each<[Partial<Action>, string, number, string]>([
    [{ status: 'complete', due: '2022-01-01' }, 'inactive', 0, 'complete'],
    [{ status: 'paused', due: '2022-01-01' }, 'inactive', 0, 'paused'],
    [{ due: null, revisedDue: null }, 'no-date', 0, 'no due date'],
    [{ due: '2022-03-01', revisedDue: null }, 'due-today', 0, 'due today'],
    [{ due: '2022-03-02', revisedDue: null }, 'upcoming', 0, 'due tomorrow'],
    [{ due: '2022-02-01', revisedDue: '2022-03-11' }, 'upcoming', 0, 'due in 10 days'],
    [{ due: '2022-02-20', revisedDue: null }, 'overdue', 9, '9 days late'],
  ])('%o stands %s on 1 March 2022', (fields, state, daysLate, words) => {
    const action = at('1', { status: 'on-track', ...fields });
    expect(latenessOn(action, '2022-03-01')).toEqual({
      state,
      daysLate,
      words,
      asOf: '2022-03-01',
    });
  });
});

describe('my actions list', () => {
  const plan = samplePlan;
  const owned = [
    at('1', { status: 'complete', due: '2021-01-01', revisedDue: null }),
    at('2', { status: 'on-track', due: null, revisedDue: null }),
    at('3', { status: 'on-track', due: '2022-04-01', revisedDue: null }),
    at('10', { status: 'at-risk', due: '2022-02-01', revisedDue: null }),
    at('4', { status: 'at-risk', due: '2022-01-01', revisedDue: null }),
    at('5', { status: 'on-track', due: '2022-03-20', revisedDue: null }),
  ].map((action) => ({ action, plan }));

  it('puts the latest first, then by due date, undated after, complete last', () => {
    const all = myActionsList(owned, SAMPLE_NOW, true);
    expect(all.items.map((i) => i.action.ref)).toEqual(['4', '10', '5', '3', '2', '1']);
    expect([all.open, all.overdue, all.complete]).toEqual([5, 2, 1]);
    expect(all.items[0].lateness).toEqual({
      state: 'overdue',
      daysLate: 59,
      words: '8 weeks late',
      asOf: '2022-03-01',
    });
  });

  it('leaves complete actions out unless asked for', () => {
    const open = myActionsList(owned, SAMPLE_NOW, false);
    expect(open.items.map((i) => i.action.ref)).toEqual(['4', '10', '5', '3', '2']);
    expect([open.open, open.overdue, open.complete]).toEqual([5, 2, 0]);
  });
});

describe('overdue list', () => {
  it('keeps only what is late, the latest first, as of the local date', () => {
    const list = overdueList(
      [
        at('1', { due: '2022-02-27', revisedDue: null, status: 'on-track' }),
        at('2', { due: '2022-03-05', revisedDue: null, status: 'on-track' }),
        at('3', { due: '2021-12-01', revisedDue: null, status: 'off-track' }),
        at('4', { due: '2021-12-01', revisedDue: null, status: 'complete' }),
      ].map((action) => ({ action, plan: samplePlan })),
      SAMPLE_NOW,
    );
    expect(list.asOf).toBe('2022-03-01');
    expect(list.items.map((i) => [i.action.ref, i.daysLate])).toEqual([
      ['3', 90],
      ['1', 2],
    ]);
  });
});

describe('orderings the cards rely on', () => {
  it('orders a nudge: overdue (latest first), due today, due soon, no update', () => {
    const item = (ref: string, reason: NudgeReason, due: string | null): NudgeItem => {
      const action = at(ref, { due, revisedDue: null, status: 'on-track' });
      const lateness = latenessOn(action, '2022-03-01');
      return { action, plan: samplePlan, reason, daysLate: lateness.daysLate, lateness };
    };
    const ordered = orderNudgeItems([
      item('1', 'no-update', null),
      item('2', 'due-soon', '2022-03-10'),
      item('3', 'overdue', '2022-02-25'),
      item('4', 'due-today', '2022-03-01'),
      item('5', 'overdue', '2022-01-01'),
      item('6', 'due-soon', '2022-03-05'),
    ]);
    expect(ordered.map((i) => i.action.ref)).toEqual(['5', '3', '4', '6', '2', '1']);
  });

  it('reads history newest first', () => {
    const updates = ['2021-09-10T10:00:00Z', '2022-02-14T09:12:00Z', '2021-11-22T16:40:00Z'].map(
      (when) => sampleUpdate('4', { at: when, statusTo: 'on-track' }),
    );
    expect(newestFirst(updates).map((u) => u.at)).toEqual([
      '2022-02-14T09:12:00Z',
      '2021-11-22T16:40:00Z',
      '2021-09-10T10:00:00Z',
    ]);
  });

  it('lists the statuses present, in the usual order', () => {
    expect(
      statusesPresent({
        'not-started': 0,
        'on-track': 2,
        'at-risk': 0,
        'off-track': 1,
        paused: 0,
        complete: 3,
        'not-agreed': 0,
        superseded: 1,
      }),
    ).toEqual(['on-track', 'off-track', 'complete', 'superseded']);
  });
});
