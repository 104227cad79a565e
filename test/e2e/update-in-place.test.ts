import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';
import { ofType, visibleText } from '../cards/card-checks';

const SECRET = 'jobs-secret-for-tests-0123456789';
const PLAN = 'members-communications';
const CARD = 'application/vnd.microsoft.card.adaptive';

type Json = Record<string, unknown>;

/** What a Teams client sends for a card's inputs: every input's value, typed or preset. */
function inputValues(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const type of ['Input.Text', 'Input.Date', 'Input.ChoiceSet']) {
    for (const input of ofType(card, type)) values[String(input.id)] = String(input.value ?? '');
  }
  return values;
}

/** The Update button of one action on a card, and the slot its inputs carry. */
function updateButton(card: unknown, ref: string): { data: Json; slot: string } {
  const button = ofType(card, 'Action.Execute').find(
    (a) => a.verb === VERBS.updateAction && (a.data as Json).ref === ref,
  );
  if (!button) throw new Error(`no Update button for action ${ref}`);
  const data = button.data as Json;
  return { data, slot: String(data.slot) };
}

describe('a prompt listing several actions is updated in place, keeping what was typed', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { JOBS_SECRET: SECRET, SCHEDULER: 'false' } });
    await h.install(USERS.megan);
    // A third action of Megan's, overdue, so her prompt lists three.
    const one = (await h.app.repos.actions.get(PLAN, '1'))!;
    await h.app.repos.actions.update({ ...one, status: 'on-track', due: '2026-10-30' });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('saves one action, keeps the others as typed, then saves the second', async () => {
    h.connector.clear();
    const response = await fetch(`${h.url}/api/jobs/nudges`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET}` },
    });
    expect(response.status).toBe(200);
    const [nudge] = h.connector.cards();
    expect(nudge).toBeDefined();
    const updates = ofType(nudge, 'Action.Execute').filter((a) => a.verb === VERBS.updateAction);
    expect(updates.map((a) => (a.data as Json).ref).sort()).toEqual(['1', '2', '4']);

    // Megan types into actions 4 and 2, then presses Update on action 2 only.
    const four = updateButton(nudge, '4');
    const two = updateButton(nudge, '2');
    const typed = {
      ...inputValues(nudge),
      [`note-${four.slot}`]: 'Training dates agreed with the LGA; invitations next week.',
      [`note-${two.slot}`]: 'Draft framework shared with group leaders.',
      [`status-${two.slot}`]: 'at-risk',
    };
    const first = await h.invoke(USERS.megan, VERBS.updateAction, { ...typed, ...two.data });
    const firstBody = first.body as { type: string; value: Json };
    expect(firstBody.type).toBe(CARD);
    const refreshed = firstBody.value;

    // The same prompt comes back: all three actions, action 2 folded into one "Saved" line.
    const text = visibleText(refreshed);
    expect(text).toContain('These actions need an update');
    expect(text).toContain('Saved: ▲ At risk — ‘Draft framework shared with group leaders.’.');
    const inputs = ofType(refreshed, 'Container').find((c) => c.id === `inputs-${two.slot}`)!;
    expect(inputs.isVisible).toBe(false);
    const toggle = ofType(refreshed, 'Action.ToggleVisibility')[0];
    expect(toggle.title).toBe('Edit action 2 again');
    expect(toggle.targetElements).toEqual([`inputs-${two.slot}`]);
    // What Megan typed into action 4 is still there, and action 1 is as it was.
    const after = inputValues(refreshed);
    expect(after[`note-${four.slot}`]).toBe(
      'Training dates agreed with the LGA; invitations next week.',
    );
    expect(after[`status-${four.slot}`]).toBe('not-started');
    expect(after[`note-${updateButton(refreshed, '1').slot}`]).toBe('');
    expect((await h.app.repos.actions.get(PLAN, '2'))?.status).toBe('at-risk');
    expect((await h.app.repos.actions.get(PLAN, '4'))?.lastNote ?? null).toBeNull();

    // Then she updates action 4 from the refreshed card.
    const second = await h.invoke(USERS.megan, VERBS.updateAction, {
      ...inputValues(refreshed),
      ...updateButton(refreshed, '4').data,
    });
    const again = (second.body as { value: Json }).value;
    const secondText = visibleText(again);
    expect(secondText).toContain(
      'Saved: ○ Not started — ‘Training dates agreed with the LGA; invitations next week.’.',
    );
    expect(secondText).toContain('Saved: ▲ At risk');
    expect((await h.app.repos.actions.get(PLAN, '4'))?.lastNote).toBe(
      'Training dates agreed with the LGA; invitations next week.',
    );
    expect(ofType(again, 'Action.ToggleVisibility').map((t) => t.title)).toEqual([
      'Edit action 4 again',
      'Edit action 2 again',
    ]);
  });

  it('says "Nothing changed" when Update is pressed with nothing changed', async () => {
    h.connector.clear();
    await h.message(USERS.megan, `action ${PLAN} 1`);
    const [card] = h.connector.cards();
    const before = await h.app.repos.updates.listForAction(PLAN, '1');
    const result = await h.invoke(USERS.megan, VERBS.updateAction, {
      ...inputValues(card),
      ...updateButton(card, '1').data,
    });
    const text = visibleText((result.body as { value: Json }).value);
    expect(text).toContain('Nothing changed: the status is still On track');
    expect(text).not.toMatch(/since your card was sent/);
    expect(await h.app.repos.updates.listForAction(PLAN, '1')).toEqual(before);
  });

  it('shows a problem beside its field and keeps everything typed', async () => {
    h.connector.clear();
    await h.message(USERS.megan, `action ${PLAN} 1`);
    const [card] = h.connector.cards();
    const typed = {
      ...inputValues(card),
      note: 'Waiting for the venue.',
      revisedDue: '2027-01-29',
      reason: '',
    };
    const result = await h.invoke(USERS.megan, VERBS.updateAction, {
      ...typed,
      ...updateButton(card, '1').data,
    });
    const answer = (result.body as { value: Json }).value;
    const items = ofType(answer, 'Container').find((c) =>
      (c.items as Json[] | undefined)?.some((i) => i.id === 'reason'),
    )!.items as Json[];
    const reason = items.findIndex((i) => i.id === 'reason');
    expect(visibleText(items[reason + 1])).toBe('⚠ Please give a reason for the revised date.');
    expect(inputValues(answer)).toEqual(expect.objectContaining(typed));
    expect((await h.app.repos.actions.get(PLAN, '1'))?.revisedDue ?? null).toBeNull();
  });

  it('opens an action from "my actions" in a new message, leaving the list as it was', async () => {
    h.connector.clear();
    await h.message(USERS.megan, 'my actions');
    const [list] = h.connector.cards();
    const open = ofType(list, 'Action.Execute').find((a) => a.verb === VERBS.showAction)!;
    expect(open.title).toMatch(/^Open action \d+$/);
    h.connector.clear();
    const result = await h.invoke(USERS.megan, VERBS.showAction, open.data as Json);
    const body = result.body as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(String(body.value)).toMatch(/is open in a new message below/);
    const [opened] = h.connector.cards();
    expect(visibleText(opened)).toContain(`Action ${(open.data as Json).ref}`);
  });

  it('turns the page of a list in place, and refuses a page it did not offer', async () => {
    const page = await h.invoke(USERS.megan, VERBS.showPage, { list: 'my-actions', page: '0' });
    const body = page.body as { type: string; value: unknown };
    expect(body.type).toBe(CARD);
    expect(visibleText(body.value)).toContain('Your open actions');
    const bad = await h.invoke(USERS.megan, VERBS.showPage, { list: 'everything', page: '0' });
    expect((bad.body as { type: string }).type).toBe('application/vnd.microsoft.activity.message');
  });

  it('welcomes a team on install without the installer’s posts or roles', async () => {
    h.connector.clear();
    const result = await h.post(
      h.activity(
        USERS.megan,
        { type: 'installationUpdate', action: 'add' },
        { conversationType: 'channel' },
      ),
    );
    expect(result.status).toBe(200);
    const text = visibleText(h.connector.cards());
    expect(text).toContain('Hello, everyone');
    expect(text).not.toContain('Megan');
    expect(text).not.toContain('Head of Marketing');
  });
});
