import { summarisePlan } from '../../src/domain/summary';
import { sampleActions, samplePlan } from '../support/sample-data';

describe('summarisePlan', () => {
  it('counts by status, works out % complete, lists overdue latest first and recent updates', () => {
    const now = new Date('2022-03-01T09:30:00Z');
    const summary = summarisePlan(samplePlan, sampleActions, now);
    expect(summary.total).toBe(sampleActions.length);
    const complete = sampleActions.filter((a) => a.status === 'complete').length;
    expect(summary.counts.complete).toBe(complete);
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(sampleActions.length);
    expect(summary.percentComplete).toBe(Math.round((complete / sampleActions.length) * 100));
    const lates = summary.overdue.map((o) => o.daysLate);
    expect(lates).toEqual([...lates].sort((a, b) => b - a));
    expect(summary.overdue.every((o) => o.action.status !== 'complete')).toBe(true);
    const times = summary.recentlyUpdated.map((a) => a.lastUpdateAt ?? '');
    expect(times).toEqual([...times].sort().reverse());
  });

  it('gives 0% for a plan with no actions', () => {
    const summary = summarisePlan(samplePlan, [], new Date());
    expect(summary.percentComplete).toBe(0);
    expect(summary.overdue).toEqual([]);
  });
});
