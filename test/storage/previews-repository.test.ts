import { PreviewsRepository, type NewPreview } from '../../src/storage/previews-repository';
import type { TableStore } from '../../src/storage/table-store';
import { createTestStore } from '../support/store';

const preview = (id: string, payload: unknown): NewPreview<unknown> => ({
  id,
  kind: 'plan',
  fileName: 'plan.docx',
  createdBy: 'pattif@example.com',
  createdByName: 'Patti Fernandez',
  createdAt: '2026-11-25T10:00:00.000Z',
  expiresAt: '2026-11-26T10:00:00.000Z',
  payload,
});

describe('PreviewsRepository against Azurite', () => {
  let store: TableStore;
  let previews: PreviewsRepository;

  beforeAll(async () => {
    store = await createTestStore();
    previews = new PreviewsRepository(store);
  });

  it('stores a payload larger than a property holds and reads it back whole', async () => {
    const payload = { rows: Array.from({ length: 3000 }, (_, i) => `row ${i} ${'é'.repeat(40)}`) };
    const created = await previews.create(preview('a'.repeat(32), payload));
    expect(created.state).toBe('open');
    const read = await previews.get('a'.repeat(32));
    expect(read?.payload).toEqual(payload);
    expect(JSON.stringify(payload).length).toBeGreaterThan(100_000);
  });

  it('returns the stored preview when the same one is created again', async () => {
    const first = await previews.create(preview('b'.repeat(32), { n: 1 }));
    const again = await previews.create(preview('b'.repeat(32), { n: 2 }));
    expect(again.payload).toEqual({ n: 1 });
    expect(again.version).toBe(first.version);
  });

  it('lets only one of two changes made from the same version through', async () => {
    const open = await previews.create(preview('c'.repeat(32), {}));
    const at = '2026-11-25T11:00:00.000Z';
    const [a, b] = await Promise.all([
      previews.settle(open, { state: 'claimed', by: 'a@example.com', byName: 'A', at }),
      previews.settle(open, { state: 'claimed', by: 'b@example.com', byName: 'B', at }),
    ]);
    expect([a, b].filter((x) => x !== null)).toHaveLength(1);
    const stored = await previews.get('c'.repeat(32));
    expect(stored?.state).toBe('claimed');
    expect(stored?.settledByName).toBe((a ?? b)?.settledByName);
  });

  it('has nothing for an unknown id', async () => {
    expect(await previews.get('d'.repeat(32))).toBeNull();
  });
});
