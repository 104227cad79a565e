import { recordUpdate, type Author } from '../../src/services/record-update';
import { NotAllowedError, NotFoundError, ValidationError } from '../../src/services/errors';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { STATUSES, STATUSES_WITH_REASON } from '../../src/domain/status';
import type { ActionFields } from '../../src/storage/actions-repository';
import { createTestStore } from '../support/store';

const sam: Author = {
  email: 'sam@council.example',
  name: 'Sam Okafor',
  posts: ['Head of Democratic Services'],
  roles: ['officer'],
};
const priya: Author = {
  ...sam,
  email: 'priya@council.example',
  name: 'Priya Shah',
  posts: ['Head of Finance'],
};
const now = new Date('2026-11-25T10:00:00Z');

/** A new action of plan `p`, owned by Sam's post. */
const actionOf = (ref: string): ActionFields => ({
  planId: 'p',
  ref,
  recommendation: 'R',
  proposedAction: 'A',
  owners: ['Head of Democratic Services'],
  budget: 'N/A',
  timescale: 'January 2027',
  due: '2027-01-31',
  revisedDue: null,
  revisedReason: null,
  status: 'not-started',
  lastUpdateAt: null,
  lastUpdateBy: null,
  lastNote: null,
});

describe('recordUpdate against Azurite', () => {
  let repos: Repositories;

  beforeAll(async () => {
    repos = createRepositories(await createTestStore());
    await repos.actions.saveMany(['1', '2'].map(actionOf));
  });

  const input = (request: Record<string, unknown>, extra: object = {}) => ({
    planId: 'p',
    ref: '1',
    author: sam,
    request,
    source: 'card' as const,
    now,
    timezone: 'Europe/London',
    ...extra,
  });

  it('writes the audit row and the action, with a revised date', async () => {
    const result = await recordUpdate(
      repos,
      input({
        status: 'at-risk',
        note: 'Draft late',
        revisedDue: '2027-03-31',
        reason: 'Cabinet moved',
      }),
    );
    expect(result.outcome).toBe('saved');
    expect(result.action).toEqual(
      expect.objectContaining({
        status: 'at-risk',
        revisedDue: '2027-03-31',
        revisedReason: 'Cabinet moved',
        lastNote: 'Draft late',
        lastUpdateBy: 'Sam Okafor',
      }),
    );
    // The version returned is the stored one: the next card's edit is not taken for a stale one.
    expect(result.action.version).toBe((await repos.actions.get('p', '1'))?.version);
    const [row] = await repos.updates.listForAction('p', '1');
    expect(row).toEqual(
      expect.objectContaining({
        statusFrom: 'not-started',
        statusTo: 'at-risk',
        dueFrom: '2027-01-31',
        dueTo: '2027-03-31',
        reason: 'Cabinet moved',
        note: 'Draft late',
      }),
    );
  });

  it('refuses people who do not hold the post, bad input and unknown actions, changing nothing', async () => {
    const before = await repos.actions.get('p', '2');
    await expect(
      recordUpdate(repos, input({ status: 'complete' }, { ref: '2', author: priya })),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      recordUpdate(repos, input({ status: 'nearly' }, { ref: '2' })),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      recordUpdate(repos, input({ status: 'complete' }, { ref: '99' })),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await repos.actions.get('p', '2')).toEqual(before);
    expect(await repos.updates.listForAction('p', '2')).toEqual([]);
  });

  it('keeps every note of 50 simultaneous updates and ends on one of the submitted statuses', async () => {
    const seen = (await repos.actions.get('p', '2'))!;
    // Statuses that need no reason, so every update is accepted.
    const statuses = STATUSES.filter(
      (s) => s !== 'not-started' && !STATUSES_WITH_REASON.includes(s),
    );
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordUpdate(
          repos,
          input(
            { status: statuses[i % statuses.length], note: `note ${i}` },
            { ref: '2', seenVersion: seen.version, now: new Date(now.getTime() + i) },
          ),
        ),
      ),
    );
    const notes = (await repos.updates.listForAction('p', '2')).map((u) => u.note).sort();
    expect(notes).toEqual(Array.from({ length: 50 }, (_, i) => `note ${i}`).sort());
    const final = (await repos.actions.get('p', '2'))!;
    expect(statuses).toContain(final.status);
    // Only one status change lands; the others either asked for the status it now has (saved as
    // notes) or were refused as stale, saying what changed, with their notes kept.
    const history = await repos.updates.listForAction('p', '2');
    expect(history.filter((u) => u.statusFrom !== u.statusTo)).toHaveLength(1);
    for (const r of results) {
      if (r.outcome === 'saved') expect(r.action.status).toBe(final.status);
      else if (r.outcome === 'stale') {
        expect(r.changed).toMatch(/updated this action since your card was sent/);
      } else throw new Error('every update here carries a note');
    }
    expect(results.filter((r) => r.outcome === 'stale').length).toBeGreaterThan(30);
  });

  it('retries notes without a version until they land', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordUpdate(
          repos,
          input(
            { note: `reply ${i}` },
            { source: 'reply', now: new Date(now.getTime() + 100 + i) },
          ),
        ),
      ),
    );
    const notes = (await repos.updates.listForAction('p', '1')).map((u) => u.note);
    for (let i = 0; i < 20; i++) expect(notes).toContain(`reply ${i}`);
  });

  it('answers a request delivered again with what it recorded, and records it once', async () => {
    await repos.actions.saveMany([actionOf('3')]);
    const seen = (await repos.actions.get('p', '3'))!;
    // A status change alone (nothing else would be written again), then one with a note, each
    // delivered twice from the same card; then one delivered twice at the same moment.
    const requests = [
      { request: { status: 'on-track' }, requestId: 'invoke-status-only' },
      { request: { status: 'at-risk', note: 'Slipping' }, requestId: 'invoke-with-note' },
    ];
    for (const { request, requestId } of requests) {
      const version = (await repos.actions.get('p', '3'))!.version;
      const extra = { ref: '3', seenVersion: version, requestId };
      const first = await recordUpdate(repos, input(request, extra));
      const again = await recordUpdate(repos, input(request, extra));
      expect(first.outcome).toBe('saved');
      expect(again.outcome).toBe('saved');
      expect(again.action).toEqual(first.action);
      expect(again.outcome === 'saved' && again.update).toEqual(
        expect.objectContaining({ id: requestId, statusTo: request.status }),
      );
    }
    const version = (await repos.actions.get('p', '3'))!.version;
    const racing = await Promise.all(
      [1, 2].map(() =>
        recordUpdate(
          repos,
          input({ status: 'complete' }, { ref: '3', seenVersion: version, requestId: 'racing' }),
        ),
      ),
    );
    expect(racing.map((r) => r.outcome)).toEqual(['saved', 'saved']);
    const history = await repos.updates.listForAction('p', '3');
    expect(history.map((u) => u.id).sort()).toEqual(
      ['invoke-status-only', 'invoke-with-note', 'racing'].sort(),
    );
    expect((await repos.actions.get('p', '3'))?.status).toBe('complete');
    expect(seen.status).toBe('not-started');
  });
});
