import { openAction } from '../../src/services/open-action';
import { createRepositories, type Repositories } from '../../src/services/repositories';
import { updateFromCard, type CardUpdate } from '../../src/services/update-from-card';
import { NotAllowedError, NotFoundError } from '../../src/services/errors';
import type { TableStore } from '../../src/storage/table-store';
import { POSTS, samplePeople, samplePlan, sampleActions } from '../support/sample-data';
import { createTestStore, recordRequests } from '../support/store';

// Action 4 is owned by both heads: Sam (Democratic Services) and Priya (Marketing).
const REF = '4';
const sam = samplePeople.democratic;
const priya = samplePeople.marketing;
const planId = samplePlan.id;
const target = { planId, ref: REF };
const at = (minute: number) => new Date(`2026-11-30T09:${String(minute).padStart(2, '0')}:00Z`);

/** What the card that answers the press shows. */
function shown(update: CardUpdate) {
  if (update.card !== 'action') throw new Error('expected an action card');
  return update.opened;
}

function outcomeOf(update: CardUpdate) {
  if (!('result' in update.attempt)) throw new Error(update.attempt.message);
  return update.attempt.result.outcome;
}

/**
 * Two instances of the bot over one store ("here" and "elsewhere"), each with its own memory of
 * the actions it has just read or written: a card pressed here must never act on what "here"
 * remembers once "elsewhere" has changed the action.
 */
describe('recently read actions, with two instances over one store', () => {
  let store: TableStore;
  let here: Repositories;
  let elsewhere: Repositories;
  let requests: ReturnType<typeof recordRequests>;

  beforeEach(async () => {
    store = await createTestStore();
    here = createRepositories(store);
    elsewhere = createRepositories(store);
    requests = recordRequests(store);
    await elsewhere.plans.save(samplePlan);
    await elsewhere.actions.saveMany(sampleActions.map(({ version: _, ...fields }) => fields));
  });

  const press = (
    repos: Repositories,
    author: typeof sam,
    seenVersion: string,
    request: Record<string, unknown>,
    now: Date,
  ) =>
    updateFromCard(repos, author, {
      ...target,
      request,
      now,
      timezone: 'Europe/London',
      seenVersion,
      nudge: null,
    });

  it('saves a press on an action opened here with one storage request, showing what a fresh read shows', async () => {
    const first = await openAction(here, sam, target, at(0));
    const saved = await press(here, sam, first.action.version, { note: 'Draft sent' }, at(1));
    // The second press on the card that came back: the plan and history are known here.
    const card = shown(saved);
    await here.plans.getCached(planId);
    requests.clear();
    const again = await press(
      here,
      sam,
      card.action.version,
      { status: 'at-risk', reason: 'Printer delayed', note: 'Proof late' },
      at(2),
    );
    expect(requests.list).toHaveLength(1);
    expect(outcomeOf(again)).toBe('saved');
    const fresh = await openAction(elsewhere, sam, target, at(3), 5);
    expect(shown(again).action).toEqual(fresh.action);
    expect(shown(again).history.map((u) => u.id)).toEqual(fresh.history.map((u) => u.id));
    expect(shown(again).history.map((u) => u.note)).toEqual(['Proof late', 'Draft sent']);
  });

  it('never overwrites a change made elsewhere after the card was opened here', async () => {
    const opened = await openAction(here, sam, target, at(0));
    const current = await elsewhere.actions.get(planId, REF);
    const theirs = await press(
      elsewhere,
      priya,
      current!.version,
      { status: 'paused', reason: 'Budget frozen', note: 'On hold' },
      at(1),
    );
    expect(outcomeOf(theirs)).toBe('saved');

    // Sam presses the card opened here before Priya's change: status changes are refused with
    // what changed; the note is kept.
    const mine = await press(
      here,
      sam,
      opened.action.version,
      { status: 'complete', note: 'All done' },
      at(2),
    );
    expect(outcomeOf(mine)).toBe('stale');
    const stored = await elsewhere.actions.get(planId, REF);
    expect(stored?.status).toBe('paused');
    expect(stored?.lastNote).toBe('All done');
    const history = await elsewhere.updates.listForAction(planId, REF);
    expect(history.map((u) => [u.byName, u.statusTo, u.note])).toEqual([
      ['Sam Okafor', 'paused', 'All done'],
      ['Priya Shah', 'paused', 'On hold'],
    ]);
    // The card shows both updates, Priya's too.
    expect(shown(mine).history.map((u) => u.note)).toEqual(['All done', 'On hold']);
  });

  it('answers a press with nothing to save from a fresh read, not from what it remembers', async () => {
    const opened = await openAction(here, sam, target, at(0));
    const current = await elsewhere.actions.get(planId, REF);
    await press(elsewhere, priya, current!.version, { status: 'at-risk', reason: 'Late' }, at(1));

    // "Update" with the status as Sam's card showed it and nothing typed.
    const mine = await press(here, sam, opened.action.version, { status: 'on-track' }, at(2));
    expect(outcomeOf(mine)).toBe('stale');
    expect(shown(mine).action.status).toBe('at-risk');
    expect(await elsewhere.updates.listForAction(planId, REF)).toHaveLength(1);
  });

  it('refuses someone whose post was taken off the action elsewhere since they opened it', async () => {
    const opened = await openAction(here, sam, target, at(0));
    const current = (await elsewhere.actions.get(planId, REF))!;
    await elsewhere.actions.update({ ...current, owners: [POSTS.marketing] });

    await expect(
      press(here, sam, opened.action.version, { note: 'Still mine?' }, at(1)),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await elsewhere.updates.listForAction(planId, REF)).toHaveLength(0);
  });

  it('says an action removed elsewhere since it was opened here is gone, recording nothing', async () => {
    const opened = await openAction(here, sam, target, at(0));
    // An import undone on the other instance takes the action away again.
    await elsewhere.actions.deleteMany(planId, [REF]);

    await expect(
      press(here, sam, opened.action.version, { note: 'Still there?' }, at(1)),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await elsewhere.updates.listForAction(planId, REF)).toHaveLength(0);
  });

  it('acts on a card sent by the other instance with the action as it stands', async () => {
    await openAction(here, sam, target, at(0));
    const current = (await elsewhere.actions.get(planId, REF))!;
    const theirs = await press(elsewhere, priya, current.version, { note: 'Theirs' }, at(1));

    // A card "elsewhere" sent after its save: newer than anything remembered here.
    const mine = await press(
      here,
      sam,
      shown(theirs).action.version,
      { status: 'at-risk', reason: 'Late', note: 'Mine' },
      at(2),
    );
    expect(outcomeOf(mine)).toBe('saved');
    expect(shown(mine).action.status).toBe('at-risk');
    expect(shown(mine).history.map((u) => u.note)).toEqual(['Mine', 'Theirs']);
  });

  it('forgets what it remembered of actions a new import rewrites', async () => {
    const opened = await openAction(here, sam, target, at(0));
    const current = (await here.actions.get(planId, REF))!;
    await here.actions.saveMany([{ ...current, proposedAction: 'Fortnightly bulletin instead.' }]);
    expect(here.actions.recentAt(planId, REF, opened.action.version)).toBeUndefined();
    const mine = await press(
      here,
      sam,
      opened.action.version,
      { status: 'at-risk', reason: 'Late' },
      at(1),
    );
    expect(outcomeOf(mine)).toBe('stale');
    expect(shown(mine).action.proposedAction).toBe('Fortnightly bulletin instead.');
  });
});
