import { VERBS } from '../../src/cards/verbs';
import {
  startHarness,
  TENANT,
  USERS,
  type BotHarness,
  type TeamsUser,
} from '../support/bot-harness';
import { expectSoundCard } from '../cards/card-checks';
import { ofType, visibleText } from '../cards/card-checks';

const PLAN = 'members-communications';
const CARD = 'application/vnd.microsoft.card.adaptive';
const MEGANS_NOTE = 'Draft framework with group leaders; Cllr Patel asked for changes.';

type Json = Record<string, unknown>;

const GROUP = {
  id: '19:action-plan-group@thread.v2',
  conversationType: 'groupChat',
  tenantId: TENANT,
};
const CHANNEL = {
  id: '19:scrutiny-channel@thread.tacv2',
  conversationType: 'channel',
  tenantId: TENANT,
};

const inputsOf = (card: unknown): Json[] =>
  ['Input.Text', 'Input.Date', 'Input.ChoiceSet'].flatMap((t) => ofType(card, t));

/** What a Teams client sends for a card's inputs: every input's value, typed or preset. */
function inputValues(card: unknown): Record<string, string> {
  return Object.fromEntries(inputsOf(card).map((i) => [String(i.id), String(i.value ?? '')]));
}

const refreshOf = (card: Json): { action: Json; userIds: string[] } =>
  card.refresh as { action: Json; userIds: string[] };

describe('cards in group chats and channels', () => {
  let h: BotHarness;
  let megan: TeamsUser;

  /** A message from `user` in a shared conversation. */
  const say = (user: TeamsUser, text: string, conversation: Json = GROUP) =>
    h.post(h.activity(user, { type: 'message', text, conversation }));

  /** An adaptiveCard/action invoke from `user` on the message `replyToId` of a shared chat. */
  const invoke = (
    user: TeamsUser,
    action: Json,
    options: { trigger?: 'manual' | 'automatic'; replyToId?: string; conversation?: Json } = {},
  ) =>
    h.post(
      h.activity(user, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        conversation: options.conversation ?? GROUP,
        ...(options.replyToId ? { replyToId: options.replyToId } : {}),
        value: {
          action: { type: 'Action.Execute', verb: action.verb, data: action.data },
          trigger: options.trigger ?? 'manual',
        },
      }),
    );

  /** The automatic refresh Teams sends for `user` when they see the card. */
  const refresh = (user: TeamsUser, card: Json, conversation: Json = GROUP) =>
    invoke(user, refreshOf(card).action, { trigger: 'automatic', conversation });

  /** The one card the bot posted since the last clear, and its message id at the connector. */
  function posted(): { card: Json; id: string } {
    const index = h.connector.activities.findIndex((a) =>
      ((a.activity.attachments as Json[] | undefined) ?? []).some((x) => x.contentType === CARD),
    );
    expect(index).toBeGreaterThanOrEqual(0);
    const [card] = h.connector.cards();
    return { card, id: `act-${index + 1}` };
  }

  const cardOf = (result: { body: unknown }): Json => {
    const body = result.body as { type: string; value: Json };
    expect(body.type).toBe(CARD);
    return body.value;
  };

  beforeAll(async () => {
    h = await startHarness({ env: { SCHEDULER: 'false' } });
    // Everyone but Lynne has used the bot, so Teams' ids for them are known.
    for (const user of [USERS.alex, USERS.megan, USERS.adele, USERS.isaiah, USERS.patti]) {
      await h.install(user);
    }
    megan = USERS.megan;
    const one = (await h.app.repos.actions.get(PLAN, '1'))!;
    await h.app.repos.actions.update({
      ...one,
      lastNote: MEGANS_NOTE,
      lastUpdateBy: 'Megan Bowen',
    });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('posts an action with nothing personal, and gives its owner the form and others a read-only view', async () => {
    h.connector.clear();
    await say(USERS.adele, `action ${PLAN} 1`);
    const { card: shared } = posted();
    expectSoundCard(shared);
    // What everyone in the chat sees: the action, no inputs, no note, no names.
    expect(visibleText(shared)).toContain('Action 1');
    expect(inputsOf(shared)).toEqual([]);
    expect(ofType(shared.body, 'Action.Execute')).toEqual([]);
    expect(JSON.stringify(shared)).not.toContain('Cllr Patel');
    expect(JSON.stringify(shared)).not.toContain('Megan');
    expect(JSON.stringify(shared)).not.toMatch(/@example\.com/);
    // Adele (who asked), Megan (owner) and Patti (admin) get their own view; Isaiah does not.
    const { userIds, action } = refreshOf(shared);
    expect(userIds[0]).toBe(USERS.adele.id);
    expect(userIds).toEqual(expect.arrayContaining([USERS.megan.id, USERS.patti.id]));
    expect(userIds).not.toContain(USERS.isaiah.id);
    expect(action.verb).toBe(VERBS.refreshCard);

    // Megan's automatic refresh: the update form, and the card stays refreshable.
    const own = cardOf(await refresh(megan, shared));
    expectSoundCard(own);
    expect(Object.keys(inputValues(own))).toEqual(
      expect.arrayContaining(['status', 'note', 'revisedDue', 'reason']),
    );
    expect(visibleText(own)).toContain(MEGANS_NOTE);
    expect(refreshOf(own).userIds).toEqual(expect.arrayContaining([USERS.megan.id]));

    // Isaiah (in the directory, not an owner): read only, with the history.
    const read = cardOf(await refresh(USERS.isaiah, shared));
    expect(inputsOf(read)).toEqual([]);
    expect(visibleText(read)).toContain('Read only: this action belongs to');
    expect(visibleText(read)).toContain(MEGANS_NOTE);

    // Lynne (not in the directory) sees what everyone sees.
    const guest = cardOf(await refresh(USERS.lynne, shared));
    expect(inputsOf(guest)).toEqual([]);
    expect(JSON.stringify(guest)).not.toContain('Cllr Patel');
  });

  it('saves an owner’s update in a group chat, answering her alone and updating everyone’s card', async () => {
    h.connector.clear();
    await say(USERS.adele, `action ${PLAN} 1`);
    const { card: shared, id } = posted();
    const own = cardOf(await refresh(megan, shared));
    const update = ofType(own, 'Action.Execute').find((a) => a.verb === VERBS.updateAction)!;
    h.connector.clear();
    const note = 'Venue booked for the members’ session on 12 January.';
    const result = await invoke(
      megan,
      {
        verb: update.verb,
        data: { ...inputValues(own), note, status: 'on-track', ...(update.data as Json) },
      },
      { replyToId: id },
    );
    const answer = cardOf(result);
    expect(visibleText(answer)).toContain('Saved: ● On track');
    expect(visibleText(answer)).toContain(note);
    expect(answer.refresh).toBeDefined();
    expect((await h.app.repos.actions.get(PLAN, '1'))?.lastNote).toBe(note);
    // Everyone's card is replaced by the shared view: the new status, and not Megan's note.
    const updated = h.connector.activities.filter((a) => a.method === 'update');
    expect(updated).toHaveLength(1);
    expect(updated[0].replyToId).toBe(id);
    const base = h.connector.cards()[0];
    expect(visibleText(base)).toContain('● On track');
    expect(JSON.stringify(base)).not.toContain('Venue booked');
    expect(JSON.stringify(base)).not.toContain('Megan');
    expect(inputsOf(base)).toEqual([]);
  });

  it('refuses an update from someone who is not an owner, changing nothing', async () => {
    h.connector.clear();
    await say(USERS.adele, `action ${PLAN} 1`);
    const { card: shared } = posted();
    const own = cardOf(await refresh(megan, shared));
    const update = ofType(own, 'Action.Execute').find((a) => a.verb === VERBS.updateAction)!;
    const before = await h.app.repos.actions.get(PLAN, '1');
    const result = await invoke(USERS.isaiah, {
      verb: update.verb,
      data: { ...inputValues(own), note: 'Not mine to say.', ...(update.data as Json) },
    });
    expect((result.body as { type: string }).type).toBe(
      'application/vnd.microsoft.activity.message',
    );
    expect((await h.app.repos.actions.get(PLAN, '1'))?.version).toBe(before?.version);
  });

  it('shows each person their own actions in a channel, and the channel no one’s', async () => {
    h.connector.clear();
    await say(megan, 'my actions', CHANNEL);
    const { card: shared } = posted();
    expectSoundCard(shared);
    expect(refreshOf(shared).userIds).toEqual([megan.id]);
    const everyone = JSON.stringify(shared);
    expect(everyone).not.toContain('Megan');
    expect(everyone).not.toContain('Head of Marketing');
    expect(ofType(shared.body, 'Action.Execute')).toEqual([]);
    const mine = cardOf(await refresh(megan, shared, CHANNEL));
    expect(visibleText(mine)).toContain('Your open actions');
    expect(visibleText(mine)).toContain('Action 1');
    // Adele owns no actions: her own view says so, and shows none of Megan's.
    const adeles = cardOf(await refresh(USERS.adele, shared, CHANNEL));
    expect(visibleText(adeles)).toContain('You have no open actions.');
    expect(visibleText(adeles)).not.toContain('Action 1');
  });

  it('shows each person the overdue actions they may see, and the channel none', async () => {
    h.connector.clear();
    await say(megan, 'overdue', CHANNEL);
    const { card: shared } = posted();
    expectSoundCard(shared);
    expect(refreshOf(shared).userIds).toEqual([megan.id]);
    expect(visibleText(shared)).not.toMatch(/Action \d/);
    expect(JSON.stringify(shared)).not.toContain('Head of');
    const mine = cardOf(await refresh(megan, shared, CHANNEL));
    const chairs = cardOf(await refresh(USERS.adele, shared, CHANNEL));
    const refs = (card: Json) => [...visibleText(card).matchAll(/Action (\d+)/g)].map((m) => m[1]);
    expect(refs(mine).length).toBeGreaterThan(0);
    // The chair sees every overdue action, Megan's among them.
    expect(refs(chairs)).toEqual(expect.arrayContaining(refs(mine)));
    const lynnes = cardOf(await refresh(USERS.lynne, shared, CHANNEL));
    expect(visibleText(lynnes)).not.toMatch(/Action \d/);
  });

  it('gives chairs the sign-off buttons in a group chat and others a view without notes', async () => {
    const four = (await h.app.repos.actions.get(PLAN, '4'))!;
    await h.app.repos.actions.update({
      ...four,
      status: 'complete',
      lastNote: 'Framework adopted by Council; Cllr Patel content.',
    });
    h.connector.clear();
    await say(USERS.adele, `sign off ${PLAN}`);
    const { card: shared } = posted();
    expectSoundCard(shared);
    expect(visibleText(shared)).toContain('Action 4');
    expect(JSON.stringify(shared)).not.toContain('Cllr Patel');
    expect(inputsOf(shared)).toEqual([]);
    expect(refreshOf(shared).userIds).toEqual(
      expect.arrayContaining([USERS.adele.id, USERS.patti.id]),
    );
    expect(refreshOf(shared).userIds).not.toContain(megan.id);
    const chair = cardOf(await refresh(USERS.adele, shared));
    expect(inputsOf(chair).map((i) => i.id)).toContain('comment-1');
    expect(ofType(chair, 'Action.Execute').map((a) => a.verb)).toContain(VERBS.signOffAction);
    const officer = cardOf(await refresh(megan, shared));
    expect(inputsOf(officer)).toEqual([]);

    // Adele signs action 4 off from her view: her answer has the buttons, everyone's card none.
    const { id } = posted();
    const signOff = ofType(chair, 'Action.Execute').find(
      (a) => a.verb === VERBS.signOffAction && (a.data as Json).ref === '4',
    )!;
    h.connector.clear();
    const answer = cardOf(
      await invoke(USERS.adele, { verb: signOff.verb, data: signOff.data }, { replyToId: id }),
    );
    expect(visibleText(answer)).toContain('Signed off action 4');
    expect(answer.refresh).toBeDefined();
    expect((await h.app.repos.actions.get(PLAN, '4'))?.signedOffAt).toBeTruthy();
    const [everyone] = h.connector.cards();
    expect(h.connector.activities.map((a) => [a.method, a.replyToId])).toEqual([['update', id]]);
    expect(visibleText(everyone)).not.toContain('Signed off action 4');
    expect(inputsOf(everyone)).toEqual([]);
  });

  it('lists only the commands everyone has when a chair asks for help in a group chat', async () => {
    h.connector.clear();
    await say(USERS.adele, 'help');
    const shared = visibleText(h.connector.cards()[0]);
    expect(shared).toContain('my actions');
    expect(shared).not.toMatch(/sign off/i);
    h.connector.clear();
    await h.message(USERS.adele, 'help');
    expect(visibleText(h.connector.cards()[0])).toMatch(/sign off/i);
  });

  it('updates an action from a client without Universal Actions (Action.Submit)', async () => {
    h.connector.clear();
    await h.message(megan, `action ${PLAN} 2`);
    const card = h.connector.cards()[0];
    const update = ofType(card, 'Action.Execute').find((a) => a.verb === VERBS.updateAction)!;
    const submit = update.fallback as Json;
    expect(submit.type).toBe('Action.Submit');
    h.connector.clear();
    const note = 'Training booked with the LGA for February.';
    // The client sends the Submit's data with the inputs, as a message replying to the card.
    const result = await h.submit(
      megan,
      { ...inputValues(card), note, status: 'at-risk', ...(submit.data as Json) },
      'card-message-1',
    );
    expect(result.status).toBe(200);
    const saved = (await h.app.repos.actions.get(PLAN, '2'))!;
    expect(saved.status).toBe('at-risk');
    expect(saved.lastNote).toBe(note);
    // In a personal chat the card is replaced by the refreshed one, as the invoke answers.
    const [replaced] = h.connector.activities.filter((a) => a.method === 'update');
    expect(replaced.replyToId).toBe('card-message-1');
    expect(visibleText(h.connector.cards()[0])).toContain('Saved: ▲ At risk');
  });

  it('answers an Action.Submit in a group chat in words, updating everyone’s card', async () => {
    h.connector.clear();
    await say(USERS.adele, `action ${PLAN} 2`);
    const { card: shared, id } = posted();
    const own = cardOf(await refresh(megan, shared));
    const update = ofType(own, 'Action.Execute').find((a) => a.verb === VERBS.updateAction)!;
    const submit = update.fallback as Json;
    h.connector.clear();
    const note = 'Second session moved to March at the members’ request.';
    const result = await h.post(
      h.activity(megan, {
        type: 'message',
        conversation: GROUP,
        replyToId: id,
        value: { ...inputValues(own), note, status: 'on-track', ...(submit.data as Json) },
      }),
    );
    expect(result.status).toBe(200);
    expect((await h.app.repos.actions.get(PLAN, '2'))?.lastNote).toBe(note);
    expect(h.connector.texts()).toEqual(['Action 2 updated: ● On track.']);
    const updated = h.connector.activities.filter((a) => a.method === 'update');
    expect(updated.map((u) => u.replyToId)).toEqual([id]);
    const base = h.connector.cards()[0];
    expect(inputsOf(base)).toEqual([]);
    expect(JSON.stringify(h.connector.activities)).not.toContain('members’ request');
  });

  it('keeps personal chats as they were: the owner’s card, with no refresh', async () => {
    h.connector.clear();
    await h.message(megan, `action ${PLAN} 1`);
    const [card] = h.connector.cards();
    expect(card.refresh).toBeUndefined();
    expect(Object.keys(inputValues(card))).toContain('note');
  });
});
