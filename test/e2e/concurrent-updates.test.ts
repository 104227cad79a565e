import { VERBS } from '../../src/cards/verbs';
import { STATUSES, STATUSES_WITH_REASON } from '../../src/domain/status';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const PLAN = 'members-communications';
const UPDATES = 50;

describe('simultaneous card updates to one action', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { SCHEDULER: 'false' } });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('keeps all 50 notes in the audit trail and ends on a status someone chose', async () => {
    // Everyone clicks "Update" on the same card at once: the same version, their own note.
    const card = await h.app.repos.actions.get(PLAN, '4');
    const editors = [USERS.alex, USERS.megan, USERS.patti];
    // Every click asks for a change, so whichever lands first really changes the status.
    // (Statuses that need a reason are left out: a click without one is refused, not saved.)
    const choices = STATUSES.filter((s) => s !== card?.status && !STATUSES_WITH_REASON.includes(s));
    const submitted = Array.from({ length: UPDATES }, (_, i) => ({
      user: editors[i % editors.length],
      status: choices[i % choices.length],
      note: `Concurrent note ${i} from ${editors[i % editors.length].name}`,
    }));
    const results = await Promise.all(
      submitted.map(({ user, status, note }) =>
        h.invoke(user, VERBS.updateAction, {
          planId: PLAN,
          ref: '4',
          version: card?.version,
          shownStatus: card?.status,
          slot: '',
          status,
          note,
          // Pausing or closing needs a reason; without one the card is refused before saving.
          ...(STATUSES_WITH_REASON.includes(status) ? { reason: 'Agreed at the meeting' } : {}),
        }),
      ),
    );

    for (const result of results) {
      expect(result.status).toBe(200);
      // Every click gets the fresh card back: saved, or "your note was saved, but…".
      expect((result.body as { type: string }).type).toBe(
        'application/vnd.microsoft.card.adaptive',
      );
    }
    const history = await h.app.repos.updates.listForAction(PLAN, '4');
    expect(history).toHaveLength(UPDATES);
    expect(history.map((u) => u.note).sort()).toEqual(submitted.map((s) => s.note).sort());
    const final = await h.app.repos.actions.get(PLAN, '4');
    expect(submitted.map((s) => s.status)).toContain(final?.status);
    // Only the first change over the shared card applies; the rest are kept as notes.
    expect(history.filter((u) => u.statusTo !== u.statusFrom)).toHaveLength(1);
    expect(submitted.map((s) => s.note)).toContain(final?.lastNote);
    for (const user of editors) {
      expect((await h.app.repos.people.get(user.email))?.aadObjectId).toBe(user.aadObjectId);
    }
  });
});
