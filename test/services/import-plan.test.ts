import path from 'node:path';
import { readPlanFile } from '../../src/import/read-plan-file';
import { storeImportedPlan } from '../../src/services/import-plan';
import { recordUpdate } from '../../src/services/record-update';
import { createRepositories } from '../../src/services/repositories';
import { createTestStore } from '../support/store';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');

describe('storing an imported plan', () => {
  it('re-imports in place by reference and keeps recorded progress and history', async () => {
    const repos = createRepositories(await createTestStore());
    const plan = await readPlanFile(FIXTURE, { planId: 'members' });
    const first = await storeImportedPlan(repos, plan, {
      sourceFile: 'plan.txt',
      now: new Date('2026-11-01T09:00:00Z'),
      timezone: 'Europe/London',
    });
    expect(first).toEqual({ planId: 'members', created: 4, updated: 0, notInDocument: [] });
    await recordUpdate(repos, {
      planId: 'members',
      ref: '4',
      author: {
        email: 'sam@council.example',
        name: 'Sam',
        posts: ['Head of Democratic Services'],
        roles: ['officer'],
      },
      request: { status: 'at-risk', note: 'Framework drafted' },
      source: 'card',
      now: new Date('2026-11-02T09:00:00Z'),
      timezone: 'Europe/London',
    });
    const edited = {
      ...plan,
      actions: plan.actions
        .filter((a) => a.ref !== '1')
        .map((a) =>
          a.ref === '4'
            ? { ...a, proposedAction: 'Revised wording', status: 'not-started' as const }
            : a,
        ),
    };
    const second = await storeImportedPlan(repos, edited, {
      sourceFile: 'plan-v2.txt',
      now: new Date('2026-11-03T09:00:00Z'),
      timezone: 'Europe/London',
    });
    expect(second).toEqual({ planId: 'members', created: 0, updated: 3, notInDocument: ['1'] });
    const action4 = await repos.actions.get('members', '4');
    expect(action4).toEqual(
      expect.objectContaining({
        proposedAction: 'Revised wording',
        status: 'at-risk',
        lastNote: 'Framework drafted',
      }),
    );
    expect((await repos.actions.listByPlan('members')).map((a) => a.ref)).toEqual([
      '1',
      '2',
      '3',
      '4',
    ]);
    expect((await repos.updates.listForAction('members', '4')).map((u) => u.note)).toEqual([
      'Framework drafted',
    ]);
    expect((await repos.plans.get('members'))?.sourceFile).toBe('plan-v2.txt');
  });
});
