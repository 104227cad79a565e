import type { Plan } from '../../src/domain/action';
import { PlansRepository } from '../../src/storage/plans-repository';
import type { TableStore } from '../../src/storage/table-store';
import { createTestStore } from '../support/store';

const plan: Plan = {
  id: 'comms',
  title: "Members' Communications",
  date: '2026-09-07',
  committee: 'Scrutiny',
  sourceFile: null,
  importedAt: '2026-11-25T10:00:00.000Z',
  timezone: 'Europe/London',
  chairDigestEmails: [],
  labels: 'standard',
};

describe('plans shown on updated cards are cached for at most 60 s', () => {
  let store: TableStore;
  let clock: number;
  let here: PlansRepository;
  let elsewhere: PlansRepository;

  beforeEach(async () => {
    store = await createTestStore();
    clock = 0;
    here = new PlansRepository(store, { clock: () => clock });
    elsewhere = new PlansRepository(store);
    await elsewhere.save(plan);
  });

  it('answers from the cache within 60 s and reads again after', async () => {
    expect((await here.getCached('comms'))?.labels).toBe('standard');
    // Changed by another instance (or the CLI): this one may show the old labels for a while.
    await elsewhere.save({ ...plan, labels: 'rag' });
    clock = 59_999;
    expect((await here.getCached('comms'))?.labels).toBe('standard');
    // Reads that are not for a card are never served from the cache.
    expect((await here.get('comms'))?.labels).toBe('rag');
    clock = 60_000;
    expect((await here.getCached('comms'))?.labels).toBe('rag');
  });

  it('drops a plan at once when this instance saves it', async () => {
    await here.getCached('comms');
    await here.save({ ...plan, title: 'Members’ Communications Plan 2027' });
    expect((await here.getCached('comms'))?.title).toBe('Members’ Communications Plan 2027');
  });

  it('does not keep a plan read while this instance was saving it', async () => {
    // The read's answer is held back until the save has finished.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const client = store.table('plans');
    client.pipeline.addPolicy({
      name: 'holdReads',
      sendRequest: async (request, next) => {
        const response = await next(request);
        if (request.method === 'GET') await held;
        return response;
      },
    });
    try {
      const reading = here.getCached('comms');
      await here.save({ ...plan, labels: 'rag' });
      release();
      // The read saw the plan before the save: it is answered, but not kept.
      expect((await reading)?.labels).toBe('standard');
    } finally {
      client.pipeline.removePolicy({ name: 'holdReads' });
    }
    expect((await here.getCached('comms'))?.labels).toBe('rag');
  });

  it('keeps no plan that is not there, and never keeps one longer than 60 s', async () => {
    expect(await here.getCached('waste')).toBeNull();
    await elsewhere.save({ ...plan, id: 'waste', title: 'Waste' });
    expect((await here.getCached('waste'))?.title).toBe('Waste');
    const eager = new PlansRepository(store, { clock: () => clock, cacheMs: 3_600_000 });
    await eager.getCached('comms');
    await elsewhere.save({ ...plan, labels: 'achievement' });
    clock = 60_000;
    expect((await eager.getCached('comms'))?.labels).toBe('achievement');
  });
});
