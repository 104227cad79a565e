import type { Plan } from '../../src/domain/action';
import type { Person } from '../../src/domain/person';
import {
  isFollowUp,
  pendingReply,
  recordReply,
  REPLY_FOLLOW_UP_MS,
  settleReply,
} from '../../src/services/record-reply';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { createTestStore } from '../support/store';
import { samplePerson } from '../support/sample-data';

const sam: Person = samplePerson('sam@council.example', {
  name: 'Sam Okafor',
  posts: ['Head of Democratic Services'],
});
const plan: Plan = {
  id: 'p',
  title: 'Members’ communications',
  date: null,
  committee: null,
  sourceFile: null,
  importedAt: '2026-01-01T00:00:00.000Z',
  timezone: 'Europe/London',
  chairDigestEmails: [],
};
const now = new Date('2026-11-25T10:00:00Z');
const later = (ms: number): Date => new Date(now.getTime() + ms);

describe('replies to prompts against Azurite', () => {
  let repos: Repositories;

  beforeAll(async () => {
    repos = createRepositories(await createTestStore());
    await repos.plans.save(plan);
    await repos.actions.saveMany(
      [
        { ref: '1', owners: ['Head of Democratic Services'] },
        { ref: '2', owners: ['Head of Democratic Services'] },
        { ref: '3', owners: ['Head of Finance'] },
      ].map(({ ref, owners }) => ({
        planId: 'p',
        ref,
        recommendation: 'R',
        proposedAction: 'A',
        owners,
        budget: 'N/A',
        timescale: 'January 2027',
        due: '2027-01-31',
        revisedDue: null,
        revisedReason: null,
        status: 'on-track' as const,
        lastUpdateAt: null,
        lastUpdateBy: null,
        lastNote: null,
      })),
    );
  });

  it('lists what a prompt waits for, leaving out actions gone or no longer the person’s', async () => {
    await repos.replies.set(
      sam.email,
      [
        { planId: 'p', ref: '2' },
        { planId: 'p', ref: '9' },
        { planId: 'p', ref: '3' },
        { planId: 'gone', ref: '1' },
        { planId: 'p', ref: '1' },
      ],
      now,
    );
    const pending = await pendingReply(repos, sam, later(1000));
    expect(pending?.items.map((i) => i.action.ref)).toEqual(['2', '1']);
    expect(pending?.items[0].plan.title).toBe('Members’ communications');
    expect(await pendingReply(repos, sam, later(8 * 24 * 3600 * 1000))).toBeNull();
  });

  it('records a reply with the status read from it, once even when Teams resends it', async () => {
    const first = await recordReply(repos, {
      person: sam,
      planId: 'p',
      ref: '1',
      text: '  Report slipped to March  ',
      now,
    });
    expect(first.previousStatus).toBe('on-track');
    expect(first.action.status).toBe('off-track');
    expect(first.note).toBe('Report slipped to March');
    const again = await recordReply(repos, {
      person: sam,
      planId: 'p',
      ref: '1',
      text: 'Report slipped to March',
      now: later(30_000),
    });
    expect(again.action.status).toBe('off-track');
    expect(again.previousStatus).toBe('on-track');
    expect(await repos.updates.listForAction('p', '1')).toHaveLength(1);

    // The same words much later are news again (and, with no status in them, keep it).
    await recordReply(repos, {
      person: sam,
      planId: 'p',
      ref: '1',
      text: 'Report slipped to March',
      now: later(3_600_000),
    });
    const history = await repos.updates.listForAction('p', '1');
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual(
      expect.objectContaining({ source: 'reply', statusFrom: 'off-track', statusTo: 'off-track' }),
    );
  });

  it('keeps the status when the words say nothing clear', async () => {
    const recorded = await recordReply(repos, {
      person: sam,
      planId: 'p',
      ref: '2',
      text: 'Spoke to the chair about the training programme',
      now,
    });
    expect(recorded.action.status).toBe('on-track');
    expect(recorded.action.lastNote).toBe('Spoke to the chair about the training programme');
  });

  it('refuses a reply on an action the person does not own', async () => {
    await expect(
      recordReply(repos, { person: sam, planId: 'p', ref: '3', text: 'Done', now }),
    ).rejects.toThrow(/Head of Finance/);
  });

  it('ends the wait with a short follow-up on the action replied about', async () => {
    const awaiting = await repos.replies.set(
      sam.email,
      [
        { planId: 'p', ref: '1' },
        { planId: 'p', ref: '2' },
      ],
      now,
    );
    expect(isFollowUp(awaiting)).toBe(false);
    await settleReply(repos, sam.email, awaiting, [{ planId: 'p', ref: '2' }], later(1000));
    const follow = await repos.replies.get(sam.email, later(2000));
    expect(follow?.items).toEqual([{ planId: 'p', ref: '2' }]);
    expect(follow && isFollowUp(follow)).toBe(true);
    expect(await repos.replies.get(sam.email, later(1000 + REPLY_FOLLOW_UP_MS + 1))).toBeNull();
  });

  it('leaves a newer prompt alone', async () => {
    const old = await repos.replies.set(sam.email, [{ planId: 'p', ref: '1' }], now);
    const newer = await repos.replies.set(sam.email, [{ planId: 'p', ref: '2' }], later(1000));
    await settleReply(repos, sam.email, old, [{ planId: 'p', ref: '1' }], later(2000));
    expect((await repos.replies.get(sam.email, later(3000)))?.version).toBe(newer.version);
    // A reply chosen for an action the current prompt did not ask about leaves it too.
    await settleReply(repos, sam.email, newer, [{ planId: 'p', ref: '1' }], later(4000));
    expect((await repos.replies.get(sam.email, later(5000)))?.version).toBe(newer.version);
  });
});
