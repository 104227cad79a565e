import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildActionCard } from '../../src/cards/action-card';
import { buildChooseActionCard } from '../../src/cards/choose-action-card';
import { buildMyActionsCard } from '../../src/cards/my-actions-card';
import { buildNudgeCard } from '../../src/cards/nudge-card';
import { buildReplyConfirmationCard } from '../../src/cards/reply-confirmation-card';
import { inputIds, VERBS } from '../../src/cards/verbs';
import { myActionsList } from '../../src/domain/my-actions';
import { latenessOf } from '../../src/domain/overdue';
import {
  SAMPLE_NOW,
  sampleAction,
  sampleActions,
  samplePeople,
  samplePlan,
} from '../support/sample-data';
import { executeActions, inputIdsOf } from './card-checks';

const CARDS_DIR = path.join(__dirname, '../../cards');

const ACTION_KEYS = ['planId', 'ref', 'shownStatus', 'slot', 'verb', 'version'];
const EXTRA_KEYS: Record<string, string[]> = {};
// A snooze says only which action and for how long: it has no inputs and changes no status.
const SNOOZE_KEYS = ['planId', 'ref', 'verb', 'weeks'];

describe('card templates', () => {
  const files = readdirSync(CARDS_DIR).filter((f) => f.endsWith('.json'));

  it('are all Adaptive Cards of schema 1.5', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const file of files) {
      const json = JSON.parse(readFileSync(path.join(CARDS_DIR, file), 'utf8')) as Record<
        string,
        unknown
      >;
      expect({ file, type: json.type, version: json.version, schema: json.$schema }).toEqual({
        file,
        type: 'AdaptiveCard',
        version: '1.5',
        schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      });
    }
  });

  it('never put a verb in a template: verbs come from VERBS through the data', () => {
    for (const file of files) {
      const text = readFileSync(path.join(CARDS_DIR, file), 'utf8');
      for (const verb of Object.values(VERBS)) expect(text).not.toContain(`"${verb}"`);
    }
  });
});

describe('Action.Execute contract', () => {
  const items = sampleActions.slice(1).map((action) => ({ action, plan: samplePlan }));
  const cards = {
    action: buildActionCard({
      action: sampleAction('2'),
      plan: samplePlan,
      viewer: { canEdit: true },
      lateness: latenessOf(sampleAction('2'), SAMPLE_NOW, samplePlan.timezone),
    }),
    myActions: buildMyActionsCard({
      person: samplePeople.marketing,
      list: myActionsList(items, SAMPLE_NOW, true),
    }),
    nudge: buildNudgeCard({
      person: samplePeople.marketing,
      items: items.map((i) => ({
        ...i,
        reason: 'overdue' as const,
        lateness: latenessOf(i.action, SAMPLE_NOW, i.plan.timezone),
      })),
    }),
    reply: buildReplyConfirmationCard({
      action: sampleAction('4'),
      plan: samplePlan,
      note: 'Done.',
      inferredStatus: 'complete',
      previousStatus: 'on-track',
    }),
    choose: buildChooseActionCard({ note: 'Done.', items }),
  };

  it.each(Object.entries(cards))(
    '%s card: every button carries the action, its version and slot',
    (_name, card) => {
      const actions = executeActions(card);
      expect(actions.length).toBeGreaterThan(0);
      const ids = inputIdsOf(card);
      for (const action of actions) {
        const data = action.data as Record<string, unknown>;
        expect(data.verb).toBe(action.verb);
        expect(Object.values(VERBS)).toContain(data.verb);
        // An Update on a list card also says which list, so the answer is that list refreshed.
        const listKeys = _name === 'nudge' && data.verb === VERBS.updateAction ? ['from'] : [];
        if (data.verb === VERBS.snoozeAction) {
          expect(Object.keys(data).sort()).toEqual(SNOOZE_KEYS);
          expect(action.associatedInputs).toBe('none');
          continue;
        }
        expect(Object.keys(data).sort()).toEqual(
          [...ACTION_KEYS, ...listKeys, ...(EXTRA_KEYS[String(data.verb)] ?? [])].sort(),
        );
        expect(typeof data.version).toBe('string');
        expect(String(data.version).length).toBeGreaterThan(0);
        if (data.verb === VERBS.updateAction || data.verb === VERBS.correctReply) {
          expect(action.associatedInputs).toBe('auto');
          // The inputs the handler will read for this slot are on the card.
          expect(ids).toContain(inputIds(String(data.slot)).status);
        }
        if (data.verb === VERBS.updateAction) {
          expect(ids).toEqual(expect.arrayContaining(Object.values(inputIds(String(data.slot)))));
        }
      }
    },
  );

  it('has input ids unique on every card', () => {
    for (const card of Object.values(cards)) {
      const ids = inputIdsOf(card);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
