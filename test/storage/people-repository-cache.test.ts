import { PeopleRepository } from '../../src/storage/people-repository';
import type { TableStore } from '../../src/storage/table-store';
import { createTestStore } from '../support/store';

const AAD = '00000000-0000-0000-0000-00000000aa01';
const sam = {
  email: 'sam@council.example',
  name: 'Sam Okafor',
  posts: ['Head of Democratic Services'],
  service: 'Democratic Services',
  roles: ['officer' as const],
};

describe('people found by AAD id are cached for at most 60 s', () => {
  let store: TableStore;
  let clock: number;
  let here: PeopleRepository;
  let elsewhere: PeopleRepository;

  beforeEach(async () => {
    store = await createTestStore();
    clock = 0;
    here = new PeopleRepository(store, { clock: () => clock });
    elsewhere = new PeopleRepository(store);
    await elsewhere.importEntries([sam]);
    await elsewhere.rememberTeamsIdentity(sam.email, { aadObjectId: AAD });
  });

  it('answers from the cache within 60 s and reads again after', async () => {
    expect((await here.findByAadObjectIdCached(AAD))?.posts).toEqual(sam.posts);
    // Changed by another instance (or the CLI): this one may serve the old posts for a while.
    await elsewhere.setPosts(sam.email, ['Head of Finance']);
    clock = 59_999;
    expect((await here.findByAadObjectIdCached(AAD))?.posts).toEqual(sam.posts);
    clock = 60_000;
    expect((await here.findByAadObjectIdCached(AAD))?.posts).toEqual(['Head of Finance']);
  });

  it('drops what it holds at once when this instance assigns or imports', async () => {
    await here.findByAadObjectIdCached(AAD);
    await here.setPosts(sam.email, ['Head of Finance']);
    expect((await here.findByAadObjectIdCached(AAD))?.posts).toEqual(['Head of Finance']);
    await here.importEntries([{ ...sam, roles: ['admin'] }]);
    expect((await here.findByAadObjectIdCached(AAD))?.roles).toEqual(['admin']);
  });

  it('never keeps a cached person longer than 60 s, whatever it is asked', async () => {
    const eager = new PeopleRepository(store, { clock: () => clock, cacheMs: 3_600_000 });
    await eager.findByAadObjectIdCached(AAD);
    await elsewhere.setPosts(sam.email, ['Head of Finance']);
    clock = 60_000;
    expect((await eager.findByAadObjectIdCached(AAD))?.posts).toEqual(['Head of Finance']);
  });
});
