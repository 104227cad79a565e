import { createRepositories, type Repositories } from '../../src/services/repositories';
import { updateFromCard, type CardUpdate } from '../../src/services/update-from-card';
import type { TableStore } from '../../src/storage/table-store';
import { samplePeople, samplePlan, sampleActions } from '../support/sample-data';
import { createTestStore, recordRequests } from '../support/store';

const sam = samplePeople.democratic;
const planId = samplePlan.id;
const now = new Date('2026-11-30T09:00:00Z');
// A prompt listing three of Sam's actions, in this order.
const prompt = {
  items: [
    { planId, ref: '2', reason: 'overdue' as const },
    { planId, ref: '4', reason: 'due-soon' as const },
    { planId, ref: '3', reason: 'no-update' as const },
  ],
};

function itemsOf(update: CardUpdate) {
  if (update.card !== 'nudge') throw new Error('expected a prompt');
  return update.items.map((i) => [i.action.ref, i.action.status, i.reason]);
}

describe('Update on a prompt', () => {
  let store: TableStore;
  let here: Repositories;
  let elsewhere: Repositories;
  let requests: ReturnType<typeof recordRequests>;
  let clock: number;

  beforeEach(async () => {
    store = await createTestStore();
    clock = 0;
    here = createRepositories(store, { clock: () => clock });
    elsewhere = createRepositories(store);
    requests = recordRequests(store);
    await elsewhere.plans.save(samplePlan);
    await elsewhere.actions.saveMany(sampleActions.map(({ version: _, ...fields }) => fields));
  });

  const press = (repos: Repositories, seenVersion: string, request: Record<string, unknown>) =>
    updateFromCard(repos, sam, {
      planId,
      ref: '4',
      request,
      now,
      timezone: 'Europe/London',
      seenVersion,
      nudge: prompt,
    });

  it('shows the other actions as read here in the last minute, saving with one request', async () => {
    // The prompt as this instance rebuilt it after an earlier Update: its actions were read here.
    const listed = await Promise.all(['2', '4', '3'].map((ref) => here.actions.get(planId, ref)));
    await here.plans.getCached(planId);
    clock += 59_000;
    requests.clear();
    const update = await press(here, listed[1]!.version, { status: 'at-risk', reason: 'Late' });
    expect(itemsOf(update)).toEqual([
      ['2', 'at-risk', 'overdue'],
      ['4', 'at-risk', 'due-soon'],
      ['3', 'complete', 'no-update'],
    ]);
    expect(requests.list).toHaveLength(1);
    expect(requests.list[0]).toMatch(/^POST .*\$batch/);
  });

  it('reads the other actions while saving once a minute has passed, never the saved one', async () => {
    const four = (await here.actions.get(planId, '4'))!;
    await here.actions.get(planId, '2');
    // A minute on: 2 is read again; 4, saved on the version its card shows, still is not.
    clock += 60_000;
    await here.plans.getCached(planId);
    requests.clear();
    const update = await press(here, four.version, { status: 'at-risk', reason: 'Late' });
    expect(itemsOf(update)).toEqual([
      ['2', 'at-risk', 'overdue'],
      ['4', 'at-risk', 'due-soon'],
      ['3', 'complete', 'no-update'],
    ]);
    // The save, and the two other actions: nothing else.
    expect(requests.list).toHaveLength(3);
    expect(requests.list.filter((r) => r.startsWith('POST'))).toHaveLength(1);
    const reads = requests.list.filter((r) => r.startsWith('GET'));
    expect(reads.some((r) => r.includes("RowKey='000002'"))).toBe(true);
    expect(reads.some((r) => r.includes("RowKey='000003'"))).toBe(true);
    expect(reads.some((r) => r.includes("RowKey='000004'"))).toBe(false);
  });

  it('shows a change made elsewhere to another action once a minute has passed', async () => {
    const four = (await here.actions.get(planId, '4'))!;
    await here.actions.get(planId, '2');
    const two = (await elsewhere.actions.get(planId, '2'))!;
    await elsewhere.actions.update({ ...two, status: 'on-track' });

    const soon = await press(here, four.version, { note: 'First' });
    expect(itemsOf(soon)[0]).toEqual(['2', 'at-risk', 'overdue']);
    clock += 60_000;
    if (soon.card !== 'nudge') throw new Error('expected a prompt');
    const later = await press(here, soon.items[1].action.version, { note: 'Second' });
    expect(itemsOf(later)[0]).toEqual(['2', 'on-track', 'overdue']);
  });

  it('shows the other actions as they stand when not read here lately, leaving out one deleted since', async () => {
    const four = (await here.actions.get(planId, '4'))!;
    const two = (await elsewhere.actions.get(planId, '2'))!;
    await elsewhere.actions.update({ ...two, status: 'on-track' });
    await elsewhere.actions.deleteMany(planId, ['3']);

    const update = await press(here, four.version, { note: 'Booked the room' });
    expect(itemsOf(update)).toEqual([
      ['2', 'on-track', 'overdue'],
      ['4', 'on-track', 'due-soon'],
    ]);
    if (update.card !== 'nudge') throw new Error('expected a prompt');
    expect(update.items[1].action.lastNote).toBe('Booked the room');
  });

  it('shows the pressed action as it stands when the input is refused', async () => {
    const four = (await here.actions.get(planId, '4'))!;
    const update = await press(here, four.version, { status: 'paused' });
    expect('errors' in update.attempt).toBe(true);
    expect(itemsOf(update)).toEqual([
      ['2', 'at-risk', 'overdue'],
      ['4', 'on-track', 'due-soon'],
      ['3', 'complete', 'no-update'],
    ]);
  });
});
