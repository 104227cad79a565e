import path from 'node:path';
import { readPlanFile } from '../../src/import/read-plan-file';
import { NotAllowedError, ValidationError } from '../../src/services/errors';
import { storeImportedPlan } from '../../src/services/import-plan';
import { recordUpdate, type Author } from '../../src/services/record-update';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { reopenAction, signOffActions } from '../../src/services/sign-off';
import { displayStatus } from '../../src/domain/sign-off';
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

async function importPlan(repos: Repositories, at = now): Promise<void> {
  const plan = await readPlanFile(FIXTURE, { planId: 'members' });
  await storeImportedPlan(repos, plan, {
    sourceFile: 'plan.txt',
    now: at,
    timezone: 'Europe/London',
  });
}

describe('sign-off against Azurite', () => {
  let repos: Repositories;

  beforeEach(async () => {
    repos = createRepositories(await createTestStore());
    await importPlan(repos);
    await repos.people.importEntries([
      {
        email: officer.email,
        name: officer.name,
        posts: officer.posts,
        service: null,
        roles: ['officer'],
      },
    ]);
  });

  const complete = (ref: string) =>
    recordUpdate(repos, {
      planId: 'members',
      ref,
      author: officer,
      request: { status: 'complete', note: 'Done and reported' },
      source: 'card',
      now,
      timezone: 'Europe/London',
    });

  it('takes an action from complete to awaiting sign-off to signed off, with who and when', async () => {
    await complete('4');
    const plan = (await repos.plans.get('members'))!;
    const awaiting = (await repos.actions.get('members', '4'))!;
    expect(displayStatus(awaiting, plan)).toBe('Complete — awaiting sign-off');

    const later = new Date('2026-11-26T18:30:00Z');
    const result = await signOffActions(repos, {
      planId: 'members',
      refs: ['4'],
      author: chair,
      source: 'command',
      now: later,
    });
    expect(result.refused).toEqual([]);
    const signed = (await repos.actions.get('members', '4'))!;
    expect(signed).toMatchObject({
      status: 'complete',
      signedOffAt: later.toISOString(),
      signedOffBy: 'Adele Vance',
    });
    expect(displayStatus(signed, plan)).toBe('Complete');
    const [row] = await repos.updates.listForAction('members', '4', 1);
    expect(row).toMatchObject({ event: 'signed-off', by: chair.email, source: 'command' });
    // The owner can no longer change a signed-off action.
    await expect(
      recordUpdate(repos, {
        planId: 'members',
        ref: '4',
        author: officer,
        request: { status: 'on-track' },
        source: 'card',
        now: later,
        timezone: 'Europe/London',
      }),
    ).rejects.toThrow(/signed off by Adele Vance/);
  });

  it('signs off several at a meeting and says which could not be, and why', async () => {
    await complete('4');
    // In the document, 1 and 3 are complete already; 2 is not.
    const result = await signOffActions(repos, {
      planId: 'members',
      refs: ['1', '2', '3', '4', '9'],
      author: chair,
      source: 'command',
      now,
    });
    expect(result.signedOff.map((a) => a.ref)).toEqual(['1', '3', '4']);
    expect(result.refused).toEqual([
      {
        ref: '2',
        message: 'Action 2 is not started, not complete, so there is nothing to sign off.',
      },
      { ref: '9', message: 'There is no action 9 in this plan.' },
    ]);
  });

  it('reopens with a comment that becomes the latest note, and returns the owners to tell', async () => {
    await complete('4');
    await signOffActions(repos, {
      planId: 'members',
      refs: ['4'],
      author: chair,
      source: 'card',
      now,
    });
    const result = await reopenAction(repos, {
      planId: 'members',
      ref: '4',
      author: chair,
      comment: 'The framework has not been to Council yet.',
      source: 'card',
      now: new Date(now.getTime() + 60_000),
    });
    expect(result.action).toMatchObject({
      status: 'on-track',
      signedOffAt: null,
      lastNote: 'The framework has not been to Council yet.',
      lastUpdateBy: 'Adele Vance',
    });
    expect(result.owners.map((p) => p.email)).toEqual([officer.email]);
    const [row] = await repos.updates.listForAction('members', '4', 1);
    expect(row).toMatchObject({ event: 'reopened', statusFrom: 'complete', statusTo: 'on-track' });
  });

  it('refuses officers, empty comments and open actions, changing nothing', async () => {
    const before = await repos.actions.get('members', '1');
    await expect(
      signOffActions(repos, {
        planId: 'members',
        refs: ['1'],
        author: officer,
        source: 'card',
        now,
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      reopenAction(repos, {
        planId: 'members',
        ref: '1',
        author: chair,
        comment: ' ',
        source: 'card',
        now,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      reopenAction(repos, {
        planId: 'members',
        ref: '2',
        author: chair,
        comment: 'Why?',
        source: 'card',
        now,
      }),
    ).rejects.toThrow(/already open/);
    expect(await repos.actions.get('members', '1')).toEqual(before);
  });

  it('keeps sign-offs when the plan is imported again', async () => {
    await signOffActions(repos, {
      planId: 'members',
      refs: ['1', '3'],
      author: chair,
      source: 'cli',
      now,
    });
    await importPlan(repos, new Date('2026-12-01T09:00:00Z'));
    const actions = await repos.actions.listByPlan('members');
    expect(actions.map((a) => [a.ref, a.status, a.signedOffBy])).toEqual([
      ['1', 'complete', 'Adele Vance'],
      ['2', 'not-started', null],
      ['3', 'complete', 'Adele Vance'],
      ['4', 'not-started', null],
    ]);
  });

  it('pauses with a reason and review date, and clears them when work resumes', async () => {
    const pause = await recordUpdate(repos, {
      planId: 'members',
      ref: '4',
      author: officer,
      request: { status: 'paused', reason: 'Waiting for the budget', revisedDue: '2027-02-01' },
      source: 'card',
      now,
      timezone: 'Europe/London',
    });
    expect(pause.action).toMatchObject({
      status: 'paused',
      statusReason: 'Waiting for the budget',
      reviewDate: '2027-02-01',
      revisedDue: null,
    });
    const resumed = await recordUpdate(repos, {
      planId: 'members',
      ref: '4',
      author: officer,
      request: { status: 'on-track', note: 'Budget agreed' },
      source: 'card',
      now,
      timezone: 'Europe/London',
    });
    expect(resumed.action).toMatchObject({
      status: 'on-track',
      statusReason: null,
      reviewDate: null,
    });
  });
});
