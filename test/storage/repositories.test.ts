import type { Action } from '../../src/domain/action';
import { ActionsRepository, type ActionFields } from '../../src/storage/actions-repository';
import { ConflictError } from '../../src/storage/errors';
import { PeopleRepository } from '../../src/storage/people-repository';
import { PlansRepository } from '../../src/storage/plans-repository';
import { RecentActions } from '../../src/storage/recent-actions';
import type { TableStore } from '../../src/storage/table-store';
import { UpdatesRepository } from '../../src/storage/updates-repository';
import { createTestStore } from '../support/store';

function action(ref: string, extra: Partial<ActionFields> = {}): ActionFields {
  return {
    planId: 'members-comms',
    ref,
    recommendation: `Recommendation ${ref}`,
    proposedAction: `Action ${ref}`,
    owners: ['Head of Democratic Services'],
    budget: 'N/A',
    timescale: 'January 2022',
    due: '2022-01-31',
    revisedDue: null,
    revisedReason: null,
    status: 'not-started',
    lastUpdateAt: null,
    lastUpdateBy: null,
    lastNote: null,
    ...extra,
  };
}

describe('repositories against Azurite', () => {
  let store: TableStore;
  let plans: PlansRepository;
  let actions: ActionsRepository;
  let updates: UpdatesRepository;
  let people: PeopleRepository;

  beforeAll(async () => {
    store = await createTestStore();
    plans = new PlansRepository(store);
    const recent = new RecentActions();
    actions = new ActionsRepository(store, recent);
    updates = new UpdatesRepository(store, recent);
    people = new PeopleRepository(store);
  });

  it('saves and reads plans as plain objects', async () => {
    await plans.save({
      id: 'members-comms',
      title: "Members' communications",
      date: '2021-09-07',
      committee: null,
      sourceFile: 'plan.txt',
      importedAt: '2026-11-25T10:00:00.000Z',
      timezone: 'Europe/London',
      chairDigestEmails: [],
    });
    const plan = await plans.get('members-comms');
    expect(plan).toEqual(
      expect.objectContaining({ title: "Members' communications", date: '2021-09-07' }),
    );
    expect(plan).not.toHaveProperty('partitionKey');
    expect(await plans.get('missing')).toBeNull();
    expect((await plans.list()).map((p) => p.id)).toEqual(['members-comms']);
  });

  it('returns a plan’s actions in the plan’s order, past the 100-row batch limit', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => action(String(i + 1)));
    await actions.saveMany(rows);
    const listed = await actions.listByPlan('members-comms');
    expect(listed).toHaveLength(250);
    expect(listed.slice(0, 3).map((a) => a.ref)).toEqual(['1', '2', '3']);
    expect(listed[9].ref).toBe('10');
    expect(listed[0]).not.toHaveProperty('rowKey');
    expect(listed[0].version).not.toBe('');
  });

  it('refuses a write made with a stale version', async () => {
    const first = (await actions.get('members-comms', '4')) as Action;
    const saved = await actions.update({ ...first, status: 'at-risk', lastNote: 'First' });
    expect(saved.version).not.toBe(first.version);
    await expect(actions.update({ ...first, status: 'complete' })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await actions.get('members-comms', '4'))?.status).toBe('at-risk');
    await expect(actions.update({ ...saved, status: 'on-track' })).resolves.toBeDefined();
  });

  it('keeps an append-only history, newest first, per action and per plan', async () => {
    const base = {
      planId: 'members-comms',
      by: 'a@council.gov.uk',
      byName: 'A',
      statusFrom: 'not-started' as const,
      dueFrom: null,
      dueTo: null,
      reason: null,
      source: 'card' as const,
    };
    await updates.append({
      ...base,
      ref: '2',
      at: '2026-11-01T09:00:00.000Z',
      statusTo: 'on-track',
      note: 'one',
    });
    await updates.append({
      ...base,
      ref: '2',
      at: '2026-11-02T09:00:00.000Z',
      statusTo: 'at-risk',
      note: 'two',
    });
    await updates.append({
      ...base,
      ref: '3',
      at: '2026-11-03T09:00:00.000Z',
      statusTo: 'complete',
      note: 'three',
    });
    expect((await updates.listForAction('members-comms', '2')).map((u) => u.note)).toEqual([
      'two',
      'one',
    ]);
    expect((await updates.listForPlan('members-comms')).map((u) => u.note)).toEqual([
      'three',
      'two',
      'one',
    ]);
    expect(
      (await updates.listForPlan('members-comms', '2026-11-02T00:00:00.000Z')).map((u) => u.note),
    ).toEqual(['three', 'two']);
    expect(await updates.listForPlan('members')).toEqual([]);
  });

  it('re-importing people keeps their Teams identity; identity is found by AAD id', async () => {
    await people.importEntries([
      {
        email: 'Sam@Council.gov.uk',
        name: 'Sam',
        posts: ['Head of Democratic Services'],
        service: 'Democratic Services',
        roles: ['officer'],
      },
    ]);
    await people.rememberTeamsIdentity('sam@council.gov.uk', {
      aadObjectId: 'AAD-1',
      teamsUserId: '29:abc',
      tenantId: 'tenant',
      conversationReference: { conversation: { id: 'c1' } },
    });
    await people.importEntries([
      {
        email: 'sam@council.gov.uk',
        name: 'Sam Jones',
        posts: ['Head of Democratic Services'],
        service: 'Democratic Services',
        roles: ['officer', 'admin'],
      },
    ]);
    const sam = await people.findByAadObjectId('aad-1');
    expect(sam).toEqual(
      expect.objectContaining({
        email: 'sam@council.gov.uk',
        name: 'Sam Jones',
        roles: ['officer', 'admin'],
        teamsUserId: '29:abc',
        conversationReference: { conversation: { id: 'c1' } },
      }),
    );
    expect(await people.findByAadObjectId('nobody')).toBeNull();
  });

  it('guards snoozes with the person’s version', async () => {
    const sam = (await people.get('sam@council.gov.uk'))!;
    const saved = await people.saveSnoozes({
      ...sam,
      snoozes: { 'members-comms/2': '2026-12-01T09:00:00.000Z' },
    });
    await expect(people.saveSnoozes({ ...sam, snoozes: {} })).rejects.toBeInstanceOf(ConflictError);
    expect((await people.get('sam@council.gov.uk'))?.snoozes).toEqual(saved.snoozes);
  });
});
