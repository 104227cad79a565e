import path from 'node:path';
import { readPlanFile } from '../../src/import/read-plan-file';
import { NotAllowedError, ValidationError } from '../../src/services/errors';
import { storeImportedPlan } from '../../src/services/import-plan';
import { recordUpdate, type Author } from '../../src/services/record-update';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { reopenNamed, signOffNamed } from '../../src/services/sign-off-named';
import { createTestStore } from '../support/store';

const FIXTURE = path.join(__dirname, '../fixtures/000_77f21607da4671ce.txt');
const now = new Date('2026-11-25T10:00:00Z');
const officer: Author = {
  email: 'alexw@example.com',
  name: 'Alex Wilber',
  posts: ['Head of Democratic Services'],
  roles: ['officer'],
};
const chair: Author = {
  email: 'adelev@example.com',
  name: 'Adele Vance',
  posts: [],
  roles: ['chair'],
};

describe('sign-off and reopening named in words, against Azurite', () => {
  let repos: Repositories;

  beforeEach(async () => {
    repos = createRepositories(await createTestStore());
    const plan = await readPlanFile(FIXTURE, { planId: 'members' });
    await storeImportedPlan(repos, plan, {
      sourceFile: 'plan.txt',
      now,
      timezone: 'Europe/London',
    });
    await repos.people.importEntries([
      {
        email: officer.email,
        name: officer.name,
        posts: officer.posts,
        service: null,
        roles: ['officer'],
      },
    ]);
    await recordUpdate(repos, {
      planId: 'members',
      ref: '4',
      author: officer,
      request: { status: 'complete', note: 'Done and reported' },
      source: 'card',
      now,
      timezone: 'Europe/London',
    });
  });

  it('lists what awaits sign-off when no action is named, and signs off those named', async () => {
    const queue = await signOffNamed(repos, { planWords: 'members', refs: [], author: chair, now });
    expect(queue.kind).toBe('queue');
    if (queue.kind !== 'queue') return;
    expect(queue.queue.plan.id).toBe('members');
    expect(queue.queue.awaiting.map((a) => a.ref)).toContain('4');

    const done = await signOffNamed(repos, {
      planWords: 'members',
      refs: ['4'],
      author: chair,
      now,
    });
    expect(done.kind).toBe('done');
    if (done.kind !== 'done') return;
    expect(done.result.signedOff.map((a) => a.ref)).toEqual(['4']);
    // The card that answers shows what is left, read after the sign-off.
    expect(done.result.awaiting.map((a) => a.ref)).not.toContain('4');
  });

  it('refuses an officer before looking for the plan, in the one wording of the rule', async () => {
    await expect(
      signOffNamed(repos, { planWords: 'no such plan', refs: ['4'], author: officer, now }),
    ).rejects.toThrow(new NotAllowedError('Only chairs and admins can sign off actions.'));
    await expect(
      reopenNamed(repos, {
        planWords: 'no such plan',
        ref: '4',
        comment: 'Why?',
        author: officer,
        now,
      }),
    ).rejects.toThrow(new NotAllowedError('Only chairs and admins can reopen actions.'));
  });

  it('says how to write a reopening that names no action, and changes nothing', async () => {
    const before = await repos.actions.get('members', '4');
    await expect(
      reopenNamed(repos, { planWords: 'members', ref: '', comment: '', author: chair, now }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await repos.actions.get('members', '4')).toEqual(before);
  });

  it('reopens with the owners’ view of the action: editable, with the comment in its history', async () => {
    const result = await reopenNamed(repos, {
      planWords: 'members',
      ref: '4',
      comment: 'The framework has not been to Council yet.',
      author: chair,
      now: new Date(now.getTime() + 60_000),
    });
    expect(result.owners.map((p) => p.email)).toEqual([officer.email]);
    expect(result.ownersView.canEdit).toBe(true);
    expect(result.ownersView.action.status).toBe('on-track');
    expect(result.ownersView.history[0]).toMatchObject({
      event: 'reopened',
      note: 'The framework has not been to Council yet.',
    });
    expect(result.awaiting.map((a) => a.ref)).not.toContain('4');
  });
});
