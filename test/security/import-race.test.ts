import path from 'node:path';
import type { ImportedPlan } from '../../src/import/types';
import { readPlanFile } from '../../src/import/read-plan-file';
import { storeImportedPlan, type ImportDeps } from '../../src/services/import-plan';
import { recordUpdate } from '../../src/services/record-update';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { ActionsRepository } from '../../src/storage/actions-repository';
import { RecentActions } from '../../src/storage/recent-actions';
import type { TableStore } from '../../src/storage/table-store';
import { createTestStore } from '../support/store';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');
const OPTIONS = { sourceFile: 'plan.txt', timezone: 'Europe/London' };

/** Actions whose next partition read runs `race` after reading, before the caller writes. */
class RacingActions extends ActionsRepository {
  race: (() => Promise<void>) | null = null;

  override async listByPlan(planId: string) {
    const rows = await super.listByPlan(planId);
    const race = this.race;
    this.race = null;
    if (race) await race();
    return rows;
  }
}

/** Actions whose import write stops for good after its first transaction: a killed process. */
class DyingActions extends ActionsRepository {
  killed!: Promise<void>;
  private reached!: () => void;

  constructor(store: TableStore) {
    super(store, new RecentActions());
    this.killed = new Promise((resolve) => (this.reached = resolve));
  }

  override async saveUnchanged(rows: Parameters<ActionsRepository['saveUnchanged']>[0]) {
    await super.saveUnchanged(rows.slice(0, 100));
    this.reached();
    return new Promise<void>(() => undefined);
  }
}

function bigPlan(id: string, count: number): ImportedPlan {
  return {
    plan: { id, title: `Plan ${id}`, date: null },
    actions: Array.from({ length: count }, (_, i) => ({
      ref: String(i + 1),
      recommendation: `Recommendation ${i + 1}`,
      proposedAction: `Action ${i + 1}`,
      owners: ['Head of Democratic Services'],
      budget: '',
      timescale: '',
      due: null,
      status: 'not-started' as const,
    })),
    warnings: [],
  };
}

const SAM = {
  email: 'sam@council.example',
  name: 'Sam',
  posts: ['Head of Democratic Services'],
  roles: ['officer' as const],
};

describe('re-importing a plan while people update it', () => {
  let store: TableStore;
  let repos: Repositories;

  beforeEach(async () => {
    store = await createTestStore();
    repos = createRepositories(store);
  });

  it('never overwrites a card update saved between the import’s read and its write', async () => {
    const plan = await readPlanFile(FIXTURE, { planId: 'members' });
    await storeImportedPlan(repos, plan, { ...OPTIONS, now: new Date('2026-11-01T09:00:00Z') });
    const racing = new RacingActions(store, new RecentActions());
    let saved = false;
    racing.race = async () => {
      await recordUpdate(repos, {
        planId: 'members',
        ref: '4',
        author: SAM,
        request: { status: 'at-risk', note: 'Saved while the plan was being imported' },
        source: 'card',
        now: new Date('2026-11-02T09:00:00Z'),
        timezone: 'Europe/London',
      });
      saved = true;
    };
    const edited = {
      ...plan,
      actions: plan.actions.map((a) =>
        a.ref === '4' ? { ...a, proposedAction: 'Wording from the new document' } : a,
      ),
    };
    const deps: ImportDeps = { ...repos, actions: racing };
    const outcome = await storeImportedPlan(deps, edited, {
      ...OPTIONS,
      now: new Date('2026-11-02T09:00:01Z'),
    });
    expect(saved).toBe(true);
    expect(outcome).toEqual(expect.objectContaining({ created: 0, updated: 4 }));
    const action = await repos.actions.get('members', '4');
    expect(action).toEqual(
      expect.objectContaining({
        proposedAction: 'Wording from the new document',
        status: 'at-risk',
        lastNote: 'Saved while the plan was being imported',
        lastUpdateBy: 'Sam',
      }),
    );
    expect(await repos.updates.listForAction('members', '4')).toHaveLength(1);
  });

  it('marks an import killed half-way; the next run undoes it, then imports', async () => {
    const dying = new DyingActions(store);
    void storeImportedPlan({ ...repos, actions: dying }, bigPlan('big', 150), {
      ...OPTIONS,
      sourceFile: 'big-v1.xlsx',
      now: new Date('2026-11-01T09:00:00Z'),
    });
    await dying.killed;

    // Cut off after 100 of 150 actions: no plan row yet, and a marker saying what was added.
    expect(await repos.actions.listByPlan('big')).toHaveLength(100);
    expect(await repos.plans.get('big')).toBeNull();
    expect((await repos.plans.list()).map((p) => p.id)).not.toContain('big');
    const marker = await repos.importMarkers.get('big');
    expect(marker).toEqual(
      expect.objectContaining({ sourceFile: 'big-v1.xlsx', planExisted: false }),
    );
    expect(marker?.createdRefs).toHaveLength(150);

    const next = await storeImportedPlan(repos, bigPlan('big', 20), {
      ...OPTIONS,
      sourceFile: 'big-v2.xlsx',
      now: new Date('2026-11-01T10:00:00Z'),
    });
    expect(next.recovered).toEqual({
      sourceFile: 'big-v1.xlsx',
      startedAt: '2026-11-01T09:00:00.000Z',
      removed: expect.any(Array),
    });
    expect(next.recovered?.removed).toHaveLength(100);
    expect(next).toEqual(expect.objectContaining({ created: 20, updated: 0 }));
    expect((await repos.actions.listByPlan('big')).map((a) => a.ref)).toEqual(
      Array.from({ length: 20 }, (_, i) => String(i + 1)),
    );
    expect((await repos.plans.get('big'))?.sourceFile).toBe('big-v2.xlsx');
    expect(await repos.importMarkers.get('big')).toBeNull();
  });

  it('undoes at once an import that fails part-way while storage still answers', async () => {
    class FailingActions extends ActionsRepository {
      override async saveUnchanged(rows: Parameters<ActionsRepository['saveUnchanged']>[0]) {
        await super.saveUnchanged(rows.slice(0, 100));
        throw new Error('storage refused the second batch');
      }
    }
    await expect(
      storeImportedPlan(
        { ...repos, actions: new FailingActions(store, new RecentActions()) },
        bigPlan('half', 150),
        {
          ...OPTIONS,
          now: new Date('2026-11-01T09:00:00Z'),
        },
      ),
    ).rejects.toThrow('storage refused the second batch');
    expect(await repos.actions.listByPlan('half')).toEqual([]);
    expect(await repos.plans.get('half')).toBeNull();
    expect(await repos.importMarkers.get('half')).toBeNull();
  });
});
