import path from 'node:path';
import { readPlanFile } from '../../src/import/read-plan-file';
import { makeCommitteeReport } from '../../src/services/committee-report';
import { storeImportedPlan } from '../../src/services/import-plan';
import { loadPlansAndActions } from '../../src/services/my-actions';
import { archivePlan, closePlan, reopenPlan } from '../../src/services/plan-lifecycle';
import { createRepositories } from '../../src/services/repositories';
import { recordUpdate } from '../../src/services/record-update';
import { signOffActions } from '../../src/services/sign-off';
import { createTestStore } from '../support/store';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');
const now = new Date('2026-11-25T10:00:00Z');
const admin = {
  email: 'patti@example.com',
  name: 'Patti Fernandez',
  posts: [],
  roles: ['admin' as const],
};

describe('closing and archiving a plan', () => {
  it('closes once every action is closed, then archives: gone from prompts, still reported', async () => {
    const repos = createRepositories(await createTestStore());
    const plan = await readPlanFile(FIXTURE, { planId: 'members' });
    await storeImportedPlan(repos, plan, { sourceFile: 'p.txt', now, timezone: 'Europe/London' });
    await expect(closePlan(repos, 'members', now)).rejects.toThrow(/open actions \(1, 2, 3, 4\)/);

    await recordUpdate(repos, {
      planId: 'members',
      ref: '2',
      author: admin,
      request: { status: 'superseded', reason: 'Replaced by the 2025 member development plan' },
      source: 'cli',
      now,
      timezone: 'Europe/London',
    });
    await recordUpdate(repos, {
      planId: 'members',
      ref: '4',
      author: admin,
      request: { status: 'complete' },
      source: 'cli',
      now,
      timezone: 'Europe/London',
    });
    await expect(closePlan(repos, 'members', now)).rejects.toThrow(/open actions \(1, 3, 4\)/);
    await signOffActions(repos, {
      planId: 'members',
      refs: ['1', '3', '4'],
      author: admin,
      source: 'cli',
      now,
    });

    expect((await closePlan(repos, 'members', now)).lifecycle).toBe('closed');
    expect((await loadPlansAndActions(repos)).plans).toEqual([]);
    const archived = await archivePlan(repos, 'members', now);
    expect(archived).toMatchObject({ lifecycle: 'archived', closedAt: now.toISOString() });
    expect((await loadPlansAndActions(repos)).actions).toEqual([]);
    const report = await makeCommitteeReport(repos, 'members', { now });
    expect(report.report.rows.map((r) => r.status)).toEqual([
      'Complete',
      'Superseded',
      'Complete',
      'Complete',
    ]);

    await reopenPlan(repos, 'members');
    expect((await loadPlansAndActions(repos)).plans.map((p) => p.id)).toEqual(['members']);
  });
});
