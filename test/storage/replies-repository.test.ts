import { RepliesRepository, REPLY_TTL_MS } from '../../src/storage/replies-repository';
import { createTestStore } from '../support/store';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const items = [
  { planId: 'members-comms', ref: '4' },
  { planId: 'members-comms', ref: '2' },
];

describe('RepliesRepository against Azurite', () => {
  let replies: RepliesRepository;

  beforeAll(async () => {
    replies = new RepliesRepository(await createTestStore());
  });

  it('remembers what a prompt asked about for a week', async () => {
    const saved = await replies.set('Sam.Okafor@Council.example', items, T0);
    expect(saved).toEqual({
      email: 'sam.okafor@council.example',
      items,
      sentAt: T0.toISOString(),
      expiresAt: new Date(T0.getTime() + REPLY_TTL_MS).toISOString(),
      version: expect.any(String),
    });
    expect(REPLY_TTL_MS).toBe(7 * 24 * 60 * 60 * 1000);
    // Found by email whatever its case, until it expires.
    const later = new Date(T0.getTime() + REPLY_TTL_MS - 1);
    expect(await replies.get('sam.okafor@council.example', later)).toEqual(saved);
    expect(await replies.get('SAM.OKAFOR@council.example', T0)).toEqual(saved);
  });

  it('forgets it once expired', async () => {
    await replies.set('short@council.example', items, T0, 60_000);
    expect(
      await replies.get('short@council.example', new Date(T0.getTime() + 59_999)),
    ).not.toBeNull();
    expect(await replies.get('short@council.example', new Date(T0.getTime() + 60_000))).toBeNull();
  });

  it('returns null for someone never prompted', async () => {
    expect(await replies.get('nobody@council.example', T0)).toBeNull();
  });

  it('keeps only the latest prompt', async () => {
    await replies.set('kim@council.example', items, T0);
    const next = new Date(T0.getTime() + 86_400_000);
    await replies.set('kim@council.example', [{ planId: 'parks', ref: '1' }], next);
    expect(await replies.get('kim@council.example', next)).toEqual(
      expect.objectContaining({
        items: [{ planId: 'parks', ref: '1' }],
        sentAt: next.toISOString(),
      }),
    );
  });

  it('clears it, but not a newer prompt recorded since it was read', async () => {
    const read = await replies.set('pat@council.example', items, T0);
    const newer = await replies.set('pat@council.example', [{ planId: 'parks', ref: '2' }], T0);
    expect(await replies.clear('pat@council.example', read.version)).toBe(false);
    expect(await replies.get('pat@council.example', T0)).toEqual(newer);
    expect(await replies.clear('pat@council.example', newer.version)).toBe(true);
    expect(await replies.get('pat@council.example', T0)).toBeNull();
    // Clearing twice, or without a version, is harmless.
    expect(await replies.clear('pat@council.example')).toBe(false);
    await replies.set('pat@council.example', items, T0);
    expect(await replies.clear('PAT@council.example')).toBe(true);
  });
});
