import { sentenceCase } from '../../src/cards/format';
import { firstName } from '../../src/cards/format';
import { buildNudgeCard, NUDGE_INPUTS_LIMIT } from '../../src/cards/nudge-card';
import type { Action } from '../../src/domain/action';
import { orderNudgeItems, type NudgeItem, type NudgeReason } from '../../src/domain/nudge-policy';
import { latenessOf } from '../../src/domain/overdue';
import { CARD_BUDGET_BYTES, cardBytes } from '../../src/cards/render';
import { inputIds, VERBS } from '../../src/cards/verbs';
import { STATUSES, statusLabel } from '../../src/domain/status';
import {
  HOSTILE_TEXTS,
  longNote,
  manyActions,
  SAMPLE_NOW,
  sampleAction,
  samplePeople,
  samplePlan,
} from '../support/sample-data';
import {
  executeActions,
  executeData,
  expectLiteral,
  expectSoundCard,
  inputIdsOf,
  ofType,
  visibleText,
} from './card-checks';

const person = samplePeople.marketing;
/** A nudge item as the domain makes it on the sample day. */
function item(action: Action, reason: NudgeReason): NudgeItem {
  const lateness = latenessOf(action, SAMPLE_NOW, samplePlan.timezone);
  return { action, plan: samplePlan, reason, daysLate: lateness.daysLate, lateness };
}
const overdue2 = item(sampleAction('2'), 'overdue');
const soon4 = item({ ...sampleAction('4'), revisedDue: '2022-03-04' }, 'due-soon');

describe('nudge card', () => {
  it('asks about one action with its inputs, Update and Snooze buttons', () => {
    const card = buildNudgeCard({ person, items: [overdue2] });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('This action needs an update');
    expect(text).toContain('Hello Priya.');
    expect(text).toContain('Action 2');
    expect(text).toContain(sentenceCase(samplePlan.title));
    expect(text).toContain('put forward to the next Constitution');
    expect(text).toContain('Due 31 January 2022');
    expect(text).toContain('4 weeks late');
    expect(text).toContain('Overdue');
    expect(text).toContain('Or just reply to this message in your own words and I’ll record it.');
    expect(inputIdsOf(card)).toEqual(Object.values(inputIds('1')));
    expect(executeActions(card).map((a) => [a.title, a.verb])).toEqual([
      ['Update action 2', 'updateAction'],
      ['Snooze action 2 for 1 week', 'snoozeAction'],
      ['Snooze action 2 for 2 weeks', 'snoozeAction'],
    ]);
    const base = {
      planId: samplePlan.id,
      ref: '2',
      version: overdue2.action.version,
      shownStatus: 'at-risk',
      slot: '1',
    };
    const target = { planId: samplePlan.id, ref: '2' };
    expect(executeData(card)).toEqual([
      { verb: VERBS.updateAction, ...base, from: `n2:0:${samplePlan.id}:0~2~o` },
      { verb: VERBS.snoozeAction, ...target, weeks: 1 },
      { verb: VERBS.snoozeAction, ...target, weeks: 2 },
    ]);
    expect(executeActions(card)[0].associatedInputs).toBe('auto');
  });

  it('gives each action its own slot, inputs and buttons, overdue first', () => {
    const noUpdate = item({ ...sampleAction('1'), status: 'on-track' }, 'no-update');
    // The domain orders a nudge's items; the card lists them as given.
    const items = orderNudgeItems([soon4, noUpdate, overdue2]);
    const card = buildNudgeCard({ person, items });
    expectSoundCard(card);
    expect(inputIdsOf(card)).toEqual([
      ...Object.values(inputIds('1')),
      ...Object.values(inputIds('2')),
      ...Object.values(inputIds('3')),
    ]);
    const updates = executeData(card).filter((d) => d.verb === VERBS.updateAction);
    expect(updates.map((d) => [d.slot, d.ref])).toEqual([
      ['1', '2'],
      ['2', '4'],
      ['3', '1'],
    ]);
    const choices = ofType(card, 'Input.ChoiceSet');
    expect(choices.map((c) => c.value)).toEqual(['at-risk', 'on-track', 'on-track']);
    for (const c of choices) {
      // Compact (a drop-down) is the default style: left out to keep the card light.
      expect(c.style ?? 'compact').toBe('compact');
      expect(c.choices).toEqual(STATUSES.map((s) => ({ title: statusLabel(s), value: s })));
    }
    for (const note of ofType(card, 'Input.Text').filter((i) => String(i.id).startsWith('note'))) {
      expect(note).toMatchObject({
        isMultiline: true,
        maxLength: 4000,
        placeholder: 'What has happened since the last update?',
      });
    }
    const text = visibleText(card);
    expect(text).toContain('These actions need an update');
    expect(text).toContain('Due soon');
    expect(text).toContain('due in 3 days');
    expect(text).toContain('No update for a while');
    expect(text).toContain('tell me which action');
  });

  it('gives ten actions their inputs within 28 KB and lists the rest briefly, even for 40', () => {
    const items = manyActions(40, { status: 'on-track', due: '2022-02-01' }).map((action) =>
      item(action, 'overdue'),
    );
    const card = buildNudgeCard({ person, items });
    expectSoundCard(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const slots = ofType(card, 'Input.ChoiceSet').length;
    expect(slots).toBe(NUDGE_INPUTS_LIMIT);
    expect(new Set(inputIdsOf(card)).size).toBe(4 * slots);
    expect(executeActions(card)).toHaveLength(3 * slots);
    expect(visibleText(card)).toContain(
      `…and ${40 - slots} more: type **my actions** to see them all.`,
    );
    const slotRefs = executeData(card)
      .filter((d) => d.verb === VERBS.updateAction)
      .map((d) => d.ref);
    const listed = ofType(card, 'TextRun').filter((r) => /^Action 1\d\d$/.test(String(r.text)));
    // Those with inputs + the rest listed briefly: every action is named once.
    expect(new Set(listed.map((r) => r.text)).size).toBe(listed.length);
    expect(slotRefs).toHaveLength(slots);
  });

  it('keeps ten actions with inputs at the worst: 200 long actions of one plan', () => {
    const items = manyActions(200, {
      proposedAction: longNote(1500),
      lastNote: longNote(4000),
    }).map((action) => item(action, 'overdue'));
    const card = buildNudgeCard({ person, items });
    expectSoundCard(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    expect(ofType(card, 'Input.ChoiceSet')).toHaveLength(NUDGE_INPUTS_LIMIT);
    expect(visibleText(card)).toContain('…and 190 more: type **my actions** to see them all.');
    // The plan is named once, above its actions, and once in the context each Update carries.
    const text = JSON.stringify(card);
    expect(text.split(sentenceCase(samplePlan.title)).length - 1).toBe(1);
    const from = String(executeData(card)[0].from);
    expect(from.split(samplePlan.id).length - 1).toBe(1);
  });

  it('keeps at least five actions with inputs when each is of another plan with a long name', () => {
    const items: NudgeItem[] = manyActions(200, { proposedAction: longNote(1500) }).map(
      (action, i) => {
        const plan = {
          ...samplePlan,
          id: `plan-${i}-${'x'.repeat(60)}`,
          title: `${i} ${longNote(300)}`,
        };
        return { ...item({ ...action, planId: plan.id }, 'overdue'), plan };
      },
    );
    const card = buildNudgeCard({ person, items });
    expectSoundCard(card);
    expect(cardBytes(card)).toBeLessThanOrEqual(CARD_BUDGET_BYTES);
    const slots = ofType(card, 'Input.ChoiceSet').length;
    expect(slots).toBeGreaterThanOrEqual(5);
    expect(visibleText(card)).toContain(`…and ${200 - slots} more`);
  });

  it('cuts a very long proposed action for display', () => {
    const action = { ...sampleAction('2'), proposedAction: 'Work with directorates. '.repeat(200) };
    const card = buildNudgeCard({ person, items: [{ ...overdue2, action }] });
    expectSoundCard(card);
    const run = ofType(card, 'TextRun').find((r) => String(r.text).startsWith('Work with'));
    expect(String(run?.text).length).toBeLessThanOrEqual(400);
    expect(String(run?.text)).toMatch(/…$/);
  });

  it('shows plan text and names literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const action = { ...sampleAction('2'), proposedAction: `Plan ${hostile}` };
      const plan = { ...samplePlan, title: `Title ${hostile}` };
      const card = buildNudgeCard({
        person: { name: `${hostile} Shah` },
        items: [{ ...overdue2, action, plan }],
      });
      const greeted = firstName(`${hostile} Shah`);
      expectSoundCard(card, [hostile, greeted]);
      expectLiteral(card, `Hello ${greeted}.`);
      expectLiteral(card, `Plan ${hostile}`);
      expectLiteral(card, `Title ${hostile}`);
    }
  });
});
