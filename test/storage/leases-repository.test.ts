import { randomBytes } from 'node:crypto';
import { LeasesRepository } from '../../src/storage/leases-repository';
import { TableStore } from '../../src/storage/table-store';
import { testConnectionString } from '../support/store';

const T0 = new Date('2026-11-25T09:00:00.000Z');
const TTL = 5 * 60 * 1000;
const at = (ms: number): Date => new Date(T0.getTime() + ms);

/** Ten instances of the bot over the same tables. */
async function instances(n: number): Promise<LeasesRepository[]> {
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const first = new TableStore(testConnectionString(), prefix);
  await first.ensureTables();
  return Array.from(
    { length: n },
    (_, i) =>
      new LeasesRepository(i === 0 ? first : new TableStore(testConnectionString(), prefix)),
  );
}

describe('LeasesRepository against Azurite', () => {
  let leases: LeasesRepository[];

  beforeAll(async () => {
    leases = await instances(10);
  });

  it('gives a free lease to the first who asks, and refuses others while it lasts', async () => {
    const [a, b] = leases;
    expect(await a.acquire('nudges', 'instance-a', TTL, T0)).toBe(true);
    expect(await b.acquire('nudges', 'instance-b', TTL, at(TTL - 1))).toBe(false);
    expect(await a.get('nudges')).toEqual(
      expect.objectContaining({
        job: 'nudges',
        holder: 'instance-a',
        expiresAt: at(TTL).toISOString(),
      }),
    );
    // The holder asking again keeps it.
    expect(await a.acquire('nudges', 'instance-a', TTL, at(1000))).toBe(true);
  });

  it('lets exactly one of ten concurrent instances take a free lease', async () => {
    const results = await Promise.all(
      leases.map((repo, i) => repo.acquire('digests', `instance-${i}`, TTL, T0)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect((await leases[0].get('digests'))?.holder).toBe(`instance-${winner}`);
  });

  it('lets exactly one of ten concurrent instances take over an expired lease', async () => {
    expect(await leases[0].acquire('expiring', 'crashed', TTL, T0)).toBe(true);
    const after = at(TTL + 1);
    const results = await Promise.all(
      leases.map((repo, i) => repo.acquire('expiring', `instance-${i}`, TTL, after)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const lease = await leases[0].get('expiring');
    expect(lease?.holder).toBe(`instance-${results.indexOf(true)}`);
    expect(lease?.expiresAt).toBe(new Date(after.getTime() + TTL).toISOString());
  });

  it('renews only for the holder', async () => {
    const [a, b] = leases;
    expect(await a.acquire('renew', 'instance-a', TTL, T0)).toBe(true);
    expect(await b.renew('renew', 'instance-b', TTL, at(1000))).toBe(false);
    expect(await a.renew('renew', 'instance-a', TTL, at(TTL - 1000))).toBe(true);
    // Renewed: still held past the first expiry.
    expect(await b.acquire('renew', 'instance-b', TTL, at(TTL + 1000))).toBe(false);
    expect((await a.get('renew'))?.expiresAt).toBe(at(2 * TTL - 1000).toISOString());
    expect(await a.renew('never-taken', 'instance-a', TTL, T0)).toBe(false);
  });

  it('a holder whose lease was taken over can no longer renew or release it', async () => {
    const [a, b] = leases;
    expect(await a.acquire('taken', 'instance-a', TTL, T0)).toBe(true);
    expect(await b.acquire('taken', 'instance-b', TTL, at(TTL))).toBe(true);
    expect(await a.renew('taken', 'instance-a', TTL, at(TTL + 1))).toBe(false);
    expect(await a.release('taken', 'instance-a')).toBe(false);
    expect((await a.get('taken'))?.holder).toBe('instance-b');
  });

  it('releases only for the holder, freeing it for the next', async () => {
    const [a, b] = leases;
    expect(await a.acquire('release', 'instance-a', TTL, T0)).toBe(true);
    expect(await b.release('release', 'instance-b')).toBe(false);
    expect(await a.release('release', 'instance-a')).toBe(true);
    expect(await a.get('release')).toBeNull();
    expect(await a.release('release', 'instance-a')).toBe(false);
    expect(await b.acquire('release', 'instance-b', TTL, at(1))).toBe(true);
  });
});
