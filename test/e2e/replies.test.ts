import { buildNudgeCard } from '../../src/cards/nudge-card';
import { latenessOf } from '../../src/domain/overdue';
import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness, type TeamsUser } from '../support/bot-harness';

const PLAN = 'members-communications';
const WEEK = 7 * 24 * 3600 * 1000;

/** Every string in a card, depth first, so tests can look for what a person would read. */
function cardText(card: unknown): string {
  if (typeof card === 'string') return card;
  if (Array.isArray(card)) return card.map(cardText).join(' ');
  if (card && typeof card === 'object') return Object.values(card).map(cardText).join(' ');
  return '';
}

/** The data of every Action.Execute with this verb in a card, in order. */
function executes(card: unknown, verb: string): Record<string, unknown>[] {
  if (Array.isArray(card)) return card.flatMap((c) => executes(c, verb));
  if (!card || typeof card !== 'object') return [];
  const o = card as Record<string, unknown>;
  const own =
    o.type === 'Action.Execute' && o.verb === verb ? [o.data as Record<string, unknown>] : [];
  return [...own, ...Object.values(o).flatMap((v) => executes(v, verb))];
}

describe('replies to prompts, snoozes and corrections end to end', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });
  beforeEach(async () => {
    h.connector.clear();
    // An hour on for each test, so no test sees another's follow-up window or resend.
    h.clock.now = new Date(h.clock.now.getTime() + 3600 * 1000);
    for (const user of Object.values(USERS)) await h.app.repos.replies.clear(user.email);
  });

  /** What the nudge job does after sending a prompt about these actions of the plan. */
  const prompted = (user: TeamsUser, refs: string[], at: Date = h.clock.now) =>
    h.app.repos.replies.set(
      user.email,
      refs.map((ref) => ({ planId: PLAN, ref })),
      at,
    );
  const history = (ref: string) => h.app.repos.updates.listForAction(PLAN, ref);
  const action = async (ref: string) => {
    const found = await h.app.repos.actions.get(PLAN, ref);
    if (!found) throw new Error(`no action ${ref}`);
    return found;
  };
  const said = () => h.connector.texts().join('\n');

  it('records a reply on the action the prompt asked about, reading the status from it', async () => {
    expect((await action('4')).status).toBe('not-started');
    await prompted(USERS.alex, ['4']);
    const result = await h.message(USERS.alex, 'Framework delayed until March');
    expect(result.status).toBe(200);

    const saved = await action('4');
    expect(saved.status).toBe('off-track');
    expect(saved.lastNote).toBe('Framework delayed until March');
    const [row] = await history('4');
    expect(row).toEqual(
      expect.objectContaining({
        by: USERS.alex.email,
        byName: 'Alex Wilber',
        source: 'reply',
        statusFrom: 'not-started',
        statusTo: 'off-track',
        note: 'Framework delayed until March',
      }),
    );

    const cards = h.connector.cards();
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('I’ve recorded your reply on action 4');
    expect(text).toContain('Framework delayed until March');
    expect(text).toMatch(/Off track.*\(was Not started\)/);
    expect(executes(cards[0], VERBS.correctReply)).toEqual([
      expect.objectContaining({
        planId: PLAN,
        ref: '4',
        version: saved.version,
        shownStatus: 'off-track',
      }),
    ]);
    expect(said()).not.toMatch(/didn't understand/);
  });

  it('takes more text just after a reply as more detail, then reads text afresh', async () => {
    await prompted(USERS.alex, ['4']);
    await h.message(USERS.alex, 'Draft framework shared with group leaders');
    const before = (await history('4')).length;

    h.clock.now = new Date(h.clock.now.getTime() + 3 * 60 * 1000);
    h.connector.clear();
    await h.message(USERS.alex, 'They meet on 12 January to agree it');
    expect(await history('4')).toHaveLength(before + 1);
    expect((await history('4'))[0]).toEqual(
      expect.objectContaining({ source: 'reply', note: 'They meet on 12 January to agree it' }),
    );
    expect(cardText(h.connector.cards())).toContain('I’ve recorded your reply on action 4');

    // Thanks and acknowledgements are answered, never recorded.
    h.connector.clear();
    await h.message(USERS.alex, 'Thanks!');
    expect(said()).toBe("You're welcome.");
    h.connector.clear();
    await h.message(USERS.alex, 'ok');
    expect(said()).toMatch(/more to add on action 4/);
    expect(await history('4')).toHaveLength(before + 1);

    // Ten minutes on, unrelated text is not filed on the action: it gets help.
    h.clock.now = new Date(h.clock.now.getTime() + 11 * 60 * 1000);
    h.connector.clear();
    await h.message(USERS.alex, 'what can you do for me');
    expect(said()).toMatch(/didn't understand/);
    expect(cardText(h.connector.cards())).toContain('my actions');
    expect(await history('4')).toHaveLength(before + 1);
  });

  it('reads "done" as complete', async () => {
    await prompted(USERS.megan, ['1']);
    await h.message(USERS.megan, 'Done');
    expect((await action('1')).status).toBe('complete');
    expect((await history('1'))[0]).toEqual(
      expect.objectContaining({ source: 'reply', statusTo: 'complete', note: 'Done' }),
    );
  });

  it('keeps the status when the reply says nothing about it', async () => {
    const before = await action('4');
    await prompted(USERS.alex, ['4']);
    await h.message(USERS.alex, 'Spoke to the LGA about their guidance');
    const after = await action('4');
    expect(after.status).toBe(before.status);
    expect(after.lastNote).toBe('Spoke to the LGA about their guidance');
    expect(cardText(h.connector.cards())).toContain('(unchanged)');
  });

  it('asks which action when the prompt asked about several, and records on the one chosen', async () => {
    await prompted(USERS.alex, ['2', '4']);
    const before2 = (await history('2')).length;
    const before4 = (await history('4')).length;
    await h.message(USERS.alex, 'Committee agreed to make the training mandatory, done');

    const [card] = h.connector.cards();
    expect(cardText(card)).toContain('Which action is this about?');
    const choices = executes(card, VERBS.chooseReplyAction);
    expect(choices.map((c) => c.ref)).toEqual(['2', '4']);
    // The reply is on the card once, in its input; Teams sends the input's value with the button.
    const [input] = (card.body as Record<string, unknown>[]).filter((e) => e.type === 'Input.Text');
    expect(input.value).toBe('Committee agreed to make the training mandatory, done');
    const press = { ...choices[0], [String(input.id)]: String(input.value) };
    expect(await history('2')).toHaveLength(before2);
    expect(await history('4')).toHaveLength(before4);
    // Still waiting: another message is asked about again rather than lost.
    expect((await h.app.repos.replies.get(USERS.alex.email, h.clock.now))?.items).toHaveLength(2);

    const response = await h.invoke(USERS.alex, VERBS.chooseReplyAction, press);
    const body = response.body as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('I’ve recorded your reply on action 2');
    expect((await action('2')).status).toBe('complete');
    expect((await history('2'))[0]).toEqual(
      expect.objectContaining({
        source: 'reply',
        note: 'Committee agreed to make the training mandatory, done',
      }),
    );
    expect(await history('4')).toHaveLength(before4);
    // The wait for the prompt is over: only a short follow-up on action 2 remains.
    expect((await h.app.repos.replies.get(USERS.alex.email, h.clock.now))?.items).toEqual([
      { planId: PLAN, ref: '2' },
    ]);

    // A second click of the same button does not record it twice.
    await h.invoke(USERS.alex, VERBS.chooseReplyAction, press);
    expect(await history('2')).toHaveLength(before2 + 1);
  });

  it('records the reply as corrected in the box, refuses an empty box, and reads older cards', async () => {
    await prompted(USERS.alex, ['2', '4']);
    await h.message(USERS.alex, 'Framwork agred');
    const [card] = h.connector.cards();
    const [input] = (card.body as Record<string, unknown>[]).filter((e) => e.type === 'Input.Text');
    const [on2, on4] = executes(card, VERBS.chooseReplyAction);
    const before4 = (await history('4')).length;

    const empty = await h.invoke(USERS.alex, VERBS.chooseReplyAction, {
      ...on4,
      [String(input.id)]: '   ',
    });
    expect((empty.body as { type: string }).type).toBe(
      'application/vnd.microsoft.activity.message',
    );
    expect(String((empty.body as { value: unknown }).value)).toMatch(/Type your reply in the box/);
    expect(await history('4')).toHaveLength(before4);

    await h.invoke(USERS.alex, VERBS.chooseReplyAction, {
      ...on4,
      [String(input.id)]: 'Framework agreed by group leaders',
    });
    expect((await history('4'))[0]).toEqual(
      expect.objectContaining({ source: 'reply', note: 'Framework agreed by group leaders' }),
    );

    // A card sent before the reply had its own input carried it in each button's data.
    await prompted(USERS.alex, ['2', '4']);
    const before2 = (await history('2')).length;
    await h.invoke(USERS.alex, VERBS.chooseReplyAction, { ...on2, note: 'Training booked' });
    expect(await history('2')).toHaveLength(before2 + 1);
    expect((await history('2'))[0].note).toBe('Training booked');
  });

  it('files a reply straight on the action it names', async () => {
    await prompted(USERS.megan, ['2', '4']);
    const before2 = (await history('2')).length;
    await h.message(USERS.megan, 'Framework for action 4 at risk: no officer time until spring');
    expect((await action('4')).status).toBe('at-risk');
    expect((await history('4'))[0]).toEqual(
      expect.objectContaining({ by: USERS.megan.email, source: 'reply' }),
    );
    expect(await history('2')).toHaveLength(before2);
    expect(cardText(h.connector.cards())).toContain('I’ve recorded your reply on action 4');
  });

  it('files a reply naming several of the prompted actions on each of them', async () => {
    await prompted(USERS.megan, ['1', '2', '4']);
    const before4 = (await history('4')).length;
    await h.message(USERS.megan, 'Actions 1 and 2: training dates booked for January');
    for (const ref of ['1', '2']) {
      expect((await history(ref))[0]).toEqual(
        expect.objectContaining({
          by: USERS.megan.email,
          source: 'reply',
          note: 'Actions 1 and 2: training dates booked for January',
        }),
      );
    }
    expect(await history('4')).toHaveLength(before4);
    const headings = h.connector.cards().map(cardText);
    expect(headings).toHaveLength(2);
    expect(headings[0]).toContain('I’ve recorded your reply on action 1');
    expect(headings[1]).toContain('I’ve recorded your reply on action 2');
  });

  it('records nothing when the reply names an action the prompt did not ask about', async () => {
    await prompted(USERS.alex, ['4']);
    const before = (await history('4')).length;
    await h.message(USERS.alex, 'Training under action 2 is done');
    expect(said()).toMatch(/I asked about action 4, not action 2/);
    expect(await history('4')).toHaveLength(before);
    expect(await h.app.repos.replies.get(USERS.alex.email, h.clock.now)).not.toBeNull();
  });

  it('still answers commands while a prompt waits, and keeps waiting', async () => {
    await prompted(USERS.alex, ['4']);
    const before = (await history('4')).length;
    await h.message(USERS.alex, 'my actions');
    expect(cardText(h.connector.cards())).toMatch(/open action/);
    h.connector.clear();
    await h.message(USERS.alex, 'Will do');
    expect(said()).toBe(
      "When you have news on action 4, reply here in your own words and I'll record it.",
    );
    expect(await history('4')).toHaveLength(before);
    expect(await h.app.repos.replies.get(USERS.alex.email, h.clock.now)).not.toBeNull();
  });

  it('gives help, not a recorded note, once the wait has expired', async () => {
    await prompted(USERS.alex, ['4'], new Date(h.clock.now.getTime() - 8 * 24 * 3600 * 1000));
    const before = (await history('4')).length;
    await h.message(USERS.alex, 'Framework delayed until March');
    expect(said()).toMatch(/didn't understand/);
    expect(await history('4')).toHaveLength(before);
  });

  it('does not take text in a channel as a reply to a personal prompt', async () => {
    await prompted(USERS.alex, ['4']);
    const before = (await history('4')).length;
    await h.post(
      h.activity(
        USERS.alex,
        { type: 'message', text: 'Delayed again' },
        { conversationType: 'channel' },
      ),
    );
    expect(said()).toMatch(/didn't understand/);
    expect(await history('4')).toHaveLength(before);
  });

  it('explains politely to someone not in the directory, recording nothing', async () => {
    await prompted(USERS.lynne, ['4']);
    const before = (await history('4')).length;
    await h.message(USERS.lynne, 'Done');
    expect(cardText(h.connector.cards())).toMatch(/can’t find you in the council’s directory/);
    expect(await history('4')).toHaveLength(before);
  });

  it('lets the officer correct the status read from a reply', async () => {
    await prompted(USERS.alex, ['4']);
    await h.message(USERS.alex, 'Slipped again: waiting for the LGA');
    expect((await action('4')).status).toBe('off-track');
    const [data] = executes(h.connector.cards()[0], VERBS.correctReply);
    // A minute later, so the audit trail's newest-first order is not a coin toss.
    h.clock.now = new Date(h.clock.now.getTime() + 60 * 1000);

    const response = await h.invoke(USERS.alex, VERBS.correctReply, { ...data, status: 'at-risk' });
    const body = response.body as { type: string; value: unknown };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Corrected: the status is now At risk.');
    expect((await action('4')).status).toBe('at-risk');
    expect((await action('4')).lastNote).toBe('Slipped again: waiting for the LGA');
    expect((await history('4'))[0]).toEqual(
      expect.objectContaining({
        source: 'card',
        statusFrom: 'off-track',
        statusTo: 'at-risk',
        note: null,
      }),
    );

    // The same card again (now stale) does not overwrite the status set since.
    const stale = await h.invoke(USERS.alex, VERBS.correctReply, { ...data, status: 'complete' });
    expect(cardText((stale.body as { value: unknown }).value)).toMatch(/not applied/);
    expect((await action('4')).status).toBe('at-risk');

    // And someone else cannot correct it.
    const fresh = await action('4');
    const refused = await h.invoke(USERS.isaiah, VERBS.correctReply, {
      ...data,
      version: fresh.version,
      status: 'complete',
    });
    expect((refused.body as { type: string }).type).toBe(
      'application/vnd.microsoft.activity.message',
    );
    expect((await action('4')).status).toBe('at-risk');
  });

  it('snoozes an action for one or two weeks from the nudge card', async () => {
    const plan = await h.app.repos.plans.get(PLAN);
    if (!plan) throw new Error('no plan');
    const overdue = await action('4');
    const nudge = buildNudgeCard({
      person: { name: 'Alex Wilber' },
      items: [
        { action: overdue, plan, reason: 'overdue', lateness: latenessOf(overdue, h.clock.now) },
      ],
    });
    const [oneWeek, twoWeeks] = executes(nudge, VERBS.snoozeAction);
    expect([oneWeek.weeks, twoWeeks.weeks]).toEqual([1, 2]);

    const response = await h.invoke(USERS.alex, VERBS.snoozeAction, oneWeek);
    const body = response.body as { type: string; value: string };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    const until = new Date(h.clock.now.getTime() + WEEK);
    const day = until.toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    });
    expect(body.value).toBe(`Snoozed until ${day}; I won't prompt you about action 4 before then.`);
    const snoozes = (await h.app.repos.people.get(USERS.alex.email))?.snoozes ?? {};
    const end = Date.parse(snoozes[`${PLAN}/4`]);
    expect(end).toBeGreaterThan(h.clock.now.getTime() + 6 * 24 * 3600 * 1000);
    expect(end).toBeLessThanOrEqual(until.getTime());

    await h.invoke(USERS.alex, VERBS.snoozeAction, twoWeeks);
    const longer = (await h.app.repos.people.get(USERS.alex.email))?.snoozes ?? {};
    expect(Date.parse(longer[`${PLAN}/4`]) - end).toBe(WEEK);
  });

  it("refuses to snooze someone else's action, or for a length the card never offers", async () => {
    const three = await action('3');
    const data = {
      planId: PLAN,
      ref: '3',
      version: three.version,
      shownStatus: three.status,
      slot: '1',
    };
    const refused = await h.invoke(USERS.megan, VERBS.snoozeAction, { ...data, weeks: 1 });
    expect(String((refused.body as { value: unknown }).value)).toMatch(
      /belongs to Head of Democratic Services/,
    );
    expect((await h.app.repos.people.get(USERS.megan.email))?.snoozes).toEqual({});

    const odd = await h.invoke(USERS.alex, VERBS.snoozeAction, { ...data, weeks: 52 });
    expect(String((odd.body as { value: unknown }).value)).toMatch(/one week or two/);
    expect((await h.app.repos.people.get(USERS.alex.email))?.snoozes[`${PLAN}/3`]).toBeUndefined();
  });
});
