import type { Action } from '../../src/domain/action';
import { isOverdue } from '../../src/domain/overdue';
import {
  displayStatus,
  isAwaitingSignOff,
  isClosedAction,
  openRefs,
  reopenRefusal,
  signOffRefusal,
} from '../../src/domain/sign-off';
import { ragOf, statusLabel, STATUSES } from '../../src/domain/status';
import { summarisePlan } from '../../src/domain/summary';
import { samplePlan, sampleActions, SAMPLE_NOW } from '../support/sample-data';

const late: Pick<Action, 'due' | 'revisedDue'> = { due: '2021-12-31', revisedDue: null };

describe('sign-off', () => {
  const complete = { ...sampleActions[0], status: 'complete' as const };

  it('keeps a completed action awaiting sign-off until a chair signs it off', () => {
    expect(isAwaitingSignOff(complete, samplePlan)).toBe(true);
    expect(isClosedAction(complete, samplePlan)).toBe(false);
    expect(displayStatus(complete, samplePlan)).toBe('Complete — awaiting sign-off');
    const signed = { ...complete, signedOffAt: '2022-03-01T10:00:00Z', signedOffBy: 'Cllr Jones' };
    expect(isAwaitingSignOff(signed, samplePlan)).toBe(false);
    expect(isClosedAction(signed, samplePlan)).toBe(true);
    expect(displayStatus(signed, samplePlan)).toBe('Complete');
    expect(signOffRefusal(signed, samplePlan)).toBe(
      'Action 1 was already signed off by Cllr Jones.',
    );
  });

  it('closes a completed action at once on a plan that does not use sign-off', () => {
    const plan = { ...samplePlan, signOff: false };
    expect(isAwaitingSignOff(complete, plan)).toBe(false);
    expect(isClosedAction(complete, plan)).toBe(true);
    expect(signOffRefusal(complete, plan)).toMatch(/does not use sign-off/);
  });

  it('refuses to sign off or reopen an action that is not complete', () => {
    const open = { ...complete, status: 'at-risk' as const };
    expect(signOffRefusal(open, samplePlan)).toBe(
      'Action 1 is at risk, not complete, so there is nothing to sign off.',
    );
    expect(reopenRefusal(open, samplePlan)).toMatch(/already open/);
    expect(reopenRefusal(complete, samplePlan)).toBeNull();
  });

  it('lists what stops a plan closing: anything not signed off, not agreed or superseded', () => {
    const actions: Action[] = [
      { ...complete, ref: '1', signedOffAt: '2022-03-01T10:00:00Z' },
      { ...complete, ref: '2' },
      { ...complete, ref: '3', status: 'not-agreed' },
      { ...complete, ref: '4', status: 'superseded' },
      { ...complete, ref: '5', status: 'paused' },
    ];
    expect(openRefs(actions, samplePlan)).toEqual(['2', '5']);
    expect(openRefs(actions, { signOff: false })).toEqual(['5']);
  });

  it('lists what awaits sign-off in the summary, and counts statuses apart', () => {
    const summary = summarisePlan(
      samplePlan,
      [
        { ...sampleActions[0], status: 'complete' },
        { ...sampleActions[1], status: 'not-agreed' },
        { ...sampleActions[2], status: 'complete', signedOffAt: '2022-02-01T10:00:00Z' },
        { ...sampleActions[3], status: 'paused', due: '2021-12-31' },
      ],
      SAMPLE_NOW,
    );
    expect(summary.awaitingSignOff.map((a) => a.ref)).toEqual(['1']);
    expect(summary.counts).toMatchObject({ complete: 2, 'not-agreed': 1, paused: 1 });
    expect(summary.overdue).toEqual([]);
    // Two of the three agreed actions are complete.
    expect(summary.percentComplete).toBe(67);
  });
});

describe('statuses councils use', () => {
  it.each(['paused', 'not-agreed', 'superseded', 'complete'] as const)(
    'never counts a %s action as overdue',
    (status) => {
      expect(isOverdue({ ...late, status }, SAMPLE_NOW)).toBe(false);
    },
  );

  it('shows the same statuses on each scale, with colours that follow the scale', () => {
    expect(STATUSES.map((s) => statusLabel(s, 'achievement'))).toEqual([
      'Not started',
      'On track',
      'Slipped',
      'Not achieved',
      'Paused',
      'Achieved',
      'Not agreed',
      'Superseded',
    ]);
    expect(statusLabel('complete', 'rag')).toBe('Green: achieved');
    expect(statusLabel('on-track', 'rag')).toBe('Amber: acceptable progress');
    expect(statusLabel('off-track', 'rag')).toBe('Red: unacceptable progress');
    expect(ragOf('complete', 'rag')).toBe('green');
    expect(ragOf('complete')).toBe('blue');
    expect(displayStatus({ status: 'complete', signedOffAt: null }, { labels: 'rag' })).toBe(
      'Green: achieved — awaiting sign-off',
    );
  });
});
