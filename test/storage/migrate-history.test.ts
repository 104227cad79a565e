import { createRepositories, type Repositories } from '../../src/services/repositories';
import { migrateHistory } from '../../src/storage/migrate-history';
import type { TableStore } from '../../src/storage/table-store';
import { createTestStore } from '../support/store';

const MAX_TIME = 9_999_999_999_999;

/** A history row exactly as earlier versions wrote it to the `updates` table. */
function legacyRow(planId: string, ref: string, at: string, id: string, note: string) {
  const inverted = String(MAX_TIME - Date.parse(at)).padStart(13, '0');
  return {
    partitionKey: `${planId}|${ref.padStart(6, '0')}`,
    rowKey: `${inverted}-${id}`,
    planId,
    ref,
    at,
    by: 'sam@council.example',
    byName: 'Sam Okafor',
    statusFrom: 'not-started',
    statusTo: 'on-track',
    note,
    source: 'card',
  };
}

describe('moving the update history of earlier versions', () => {
  let store: TableStore;
  let repos: Repositories;

  beforeAll(async () => {
    store = await createTestStore();
    repos = createRepositories(store);
    await repos.actions.saveMany(
      ['1', '2'].map((ref) => ({
        planId: 'plan-a',
        ref,
        recommendation: 'R',
        proposedAction: 'A',
        owners: ['Head of Democratic Services'],
        budget: 'N/A',
        timescale: 'January 2027',
        due: '2027-01-31',
        revisedDue: null,
        revisedReason: null,
        status: 'on-track' as const,
        lastUpdateAt: null,
        lastUpdateBy: null,
        lastNote: null,
      })),
    );
    const rows = [
      legacyRow('plan-a', '1', '2026-10-01T09:00:00.000Z', 'first', 'Started'),
      legacyRow('plan-a', '1', '2026-11-01T09:00:00.000Z', 'second', 'Halfway'),
      legacyRow('plan-a', '2', '2026-10-15T09:00:00.000Z', 'third', 'Other action'),
      // More than a page and a transaction's worth, so paging and batching are both exercised.
      ...Array.from({ length: 1150 }, (_, i) =>
        legacyRow(
          'plan-b',
          String((i % 3) + 1),
          new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
          `b${i}`,
          `Note ${i}`,
        ),
      ),
    ];
    await store.upsertMany('updates', rows);
  });

  it('moves every row beside its action, keeping ids, order and fields, and empties the old table', async () => {
    expect(await migrateHistory(store)).toBe(1153);
    const history = await repos.updates.listForAction('plan-a', '1');
    expect(history.map((u) => [u.id, u.note])).toEqual([
      ['second', 'Halfway'],
      ['first', 'Started'],
    ]);
    expect(history[0]).toEqual({
      id: 'second',
      planId: 'plan-a',
      ref: '1',
      at: '2026-11-01T09:00:00.000Z',
      by: 'sam@council.example',
      byName: 'Sam Okafor',
      statusFrom: 'not-started',
      statusTo: 'on-track',
      note: 'Halfway',
      dueFrom: null,
      dueTo: null,
      reason: null,
      source: 'card',
      event: null,
      reviewDate: null,
    });
    expect((await repos.updates.listForPlan('plan-a')).map((u) => u.id)).toEqual([
      'second',
      'third',
      'first',
    ]);
    expect(await repos.updates.listForPlan('plan-b')).toHaveLength(1150);
    const left = [];
    for await (const row of store.table('updates').listEntities()) left.push(row);
    expect(left).toEqual([]);
    // The actions themselves are still read as before, history rows apart.
    expect((await repos.actions.listByPlan('plan-a')).map((a) => a.ref)).toEqual(['1', '2']);
  });

  it('does nothing the second time, and a start interrupted half-way finishes next time', async () => {
    expect(await migrateHistory(store)).toBe(0);
    // As if a start had copied this row and stopped before deleting it.
    await store.upsertMany('updates', [
      legacyRow('plan-a', '1', '2026-11-01T09:00:00.000Z', 'second', 'Halfway'),
    ]);
    expect(await migrateHistory(store)).toBe(1);
    expect(await repos.updates.listForAction('plan-a', '1')).toHaveLength(2);
  });
});
