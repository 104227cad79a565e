import type { Person } from '../../src/domain/person';
import { PEOPLE_CACHE_MS, PeopleCache } from '../../src/storage/people-cache';
import { samplePerson } from '../support/sample-data';

const AAD = '00000000-0000-0000-0000-00000000AA01';

function person(email: string, posts: string[] = ['Head of Democratic Services']): Person {
  return samplePerson(email, {
    name: 'Sam Okafor',
    posts,
    service: 'Democratic Services',
    aadObjectId: AAD.toLowerCase(),
    version: 'v1',
  });
}

describe('PeopleCache', () => {
  let clock: number;
  let cache: PeopleCache;

  beforeEach(() => {
    clock = 1_000;
    cache = new PeopleCache({ clock: () => clock });
  });

  it('serves a person for 60 s from when the read began, then not at all', () => {
    const ticket = cache.ticket();
    clock += 500; // the read takes half a second
    cache.set(AAD, person('sam@council.example'), ticket);
    clock = ticket.at + PEOPLE_CACHE_MS - 1;
    expect(cache.get(AAD)?.email).toBe('sam@council.example');
    clock = ticket.at + PEOPLE_CACHE_MS;
    expect(cache.get(AAD)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('finds an id whatever its case', () => {
    cache.set(AAD.toLowerCase(), person('sam@council.example'), cache.ticket());
    expect(cache.get(AAD)?.email).toBe('sam@council.example');
  });

  it('never keeps anyone longer than 60 s, whatever it is asked', () => {
    const eager = new PeopleCache({ clock: () => clock, cacheMs: 3_600_000 });
    eager.set(AAD, person('sam@council.example'), eager.ticket());
    clock += PEOPLE_CACHE_MS;
    expect(eager.get(AAD)).toBeUndefined();
  });

  it('forgets one person by email, under every id they were cached by', () => {
    const other = '00000000-0000-0000-0000-00000000bb02';
    cache.set(AAD, person('sam@council.example'), cache.ticket());
    cache.set(other, person('sam@council.example'), cache.ticket());
    cache.set(
      '00000000-0000-0000-0000-00000000cc03',
      person('kim@council.example'),
      cache.ticket(),
    );
    cache.forget(' Sam@Council.example ');
    expect(cache.get(AAD)).toBeUndefined();
    expect(cache.get(other)).toBeUndefined();
    expect(cache.get('00000000-0000-0000-0000-00000000cc03')?.email).toBe('kim@council.example');
  });

  it('forgets everyone at once', () => {
    cache.set(AAD, person('sam@council.example'), cache.ticket());
    cache.forget();
    expect(cache.size).toBe(0);
  });

  it('does not keep a read that began before someone was forgotten', () => {
    const ticket = cache.ticket();
    // Meanwhile this instance assigns a post: what the read found may be from before that.
    cache.forget('sam@council.example');
    cache.set(AAD, person('sam@council.example'), ticket);
    expect(cache.get(AAD)).toBeUndefined();
  });

  it('drops an entry when the person is no longer found', () => {
    cache.set(AAD, person('sam@council.example'), cache.ticket());
    cache.set(AAD, null, cache.ticket());
    expect(cache.get(AAD)).toBeUndefined();
  });

  it('holds at most its maximum, starting again when full', () => {
    const small = new PeopleCache({ clock: () => clock, maxEntries: 2 });
    const ids = ['a1', 'b2', 'c3'].map((s) => `00000000-0000-0000-0000-0000000000${s}`);
    for (const [i, id] of ids.entries())
      small.set(id, person(`p${i}@council.example`), small.ticket());
    expect(small.size).toBeLessThanOrEqual(2);
    expect(small.get(ids[2])?.email).toBe('p2@council.example');
  });
});
