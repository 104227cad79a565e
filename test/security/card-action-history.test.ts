import { RestError, type PipelinePolicy } from '@azure/core-rest-pipeline';
import { VERBS } from '../../src/cards/verbs';
import { startHarness, USERS, type BotHarness } from '../support/bot-harness';

const PLAN = 'members-communications';
const REF = '4';
const CARD = 'application/vnd.microsoft.card.adaptive';

describe('card actions and their history', () => {
  let h: BotHarness;

  beforeAll(async () => {
    h = await startHarness({ env: { SCHEDULER: 'false' } });
    await h.install(USERS.alex);
  });
  afterAll(() => h.stop());

  async function updateActivity(note: string, status: string) {
    const action = await h.app.repos.actions.get(PLAN, REF);
    const data = {
      planId: PLAN,
      ref: REF,
      version: action?.version,
      shownStatus: action?.status,
      slot: '',
      status,
      note,
    };
    return h.activity(USERS.alex, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: { type: 'Action.Execute', verb: VERBS.updateAction, data },
        trigger: 'manual',
      },
    });
  }

  it('records an invoke Teams delivers twice (same activity id) once', async () => {
    const activity = await updateActivity('Delivered twice by Teams', 'at-risk');
    const first = await h.post(activity);
    const second = await h.post(activity);
    for (const result of [first, second]) {
      expect(result.status).toBe(200);
      expect((result.body as { type: string }).type).toBe(CARD);
      // The second answer is the same success, not "someone updated this since your card".
      expect(JSON.stringify(result.body)).toMatch(/Saved: [^"]*At risk/);
    }
    const history = await h.app.repos.updates.listForAction(PLAN, REF);
    expect(history.filter((u) => u.note === 'Delivered twice by Teams')).toHaveLength(1);
    expect((await h.app.repos.actions.get(PLAN, REF))?.status).toBe('at-risk');
  });

  it('never shows a change in the history that was not applied to the action', async () => {
    const before = await h.app.repos.actions.get(PLAN, REF);
    // Storage fails every write that touches the action's row (the process stopping, the
    // network going, at exactly that point): whatever else was written must not remain.
    const actionRow = `RowKey='${REF.padStart(6, '0')}'`;
    const crash: PipelinePolicy = {
      name: 'failActionWrites',
      sendRequest: async (request, next) => {
        const writes = request.method !== 'GET';
        const body = typeof request.body === 'string' ? request.body : '';
        if (writes && (request.url.includes(actionRow) || body.includes(actionRow))) {
          throw new RestError('socket hang up', { code: 'ECONNRESET' });
        }
        return next(request);
      },
    };
    const client = h.store.table('actions');
    client.pipeline.addPolicy(crash);
    try {
      const result = await h.post(await updateActivity('Never applied', 'complete'));
      expect(result.status).toBe(200);
      expect(JSON.stringify(result.body)).toMatch(/couldn't save that just now/);
    } finally {
      client.pipeline.removePolicy({ name: crash.name });
    }
    const history = await h.app.repos.updates.listForAction(PLAN, REF);
    expect(history.map((u) => u.note)).not.toContain('Never applied');
    expect(await h.app.repos.actions.get(PLAN, REF)).toEqual(before);
  });
});
