import { buildActionCard as buildCard, type ActionCardInput } from '../../src/cards/action-card';
import { newestFirst } from '../../src/domain/action';
import { latenessOf } from '../../src/domain/overdue';
import { sentenceCase, statusBadge } from '../../src/cards/format';
import { inputIds } from '../../src/cards/verbs';
import { VERBS } from '../../src/cards/verbs';
import { STATUSES, statusLabel } from '../../src/domain/status';
import {
  HOSTILE_TEXTS,
  longNote,
  SAMPLE_NOW,
  sampleAction,
  sampleHistory,
  samplePlan,
  sampleUpdate,
} from '../support/sample-data';
import {
  executeActions,
  expectDefaultTextColours,
  executeData,
  expectLiteral,
  expectSoundCard,
  inputIdsOf,
  jsonLength,
  ofType,
  CARD_LIMIT,
  visibleText,
} from './card-checks';

const base = { plan: samplePlan };

/** The card as the open-action use case feeds it: lateness on the sample day, history newest first. */
function buildActionCard(input: Omit<ActionCardInput, 'lateness'>) {
  return buildCard({
    ...input,
    lateness: latenessOf(input.action, SAMPLE_NOW, input.plan.timezone),
    ...(input.history ? { history: newestFirst(input.history) } : {}),
  });
}

describe('action card', () => {
  it('shows the action, its dates, lateness, status and last update', () => {
    const card = buildActionCard({ ...base, action: sampleAction('2'), viewer: { canEdit: true } });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Action 2');
    expect(text).toContain(sentenceCase(samplePlan.title));
    expect(text).toContain('a training package be delivered to Members');
    expect(text).toContain('put forward to the next Constitution');
    expect(text).toContain('Head of Marketing and Communications and Head of Democratic Services');
    expect(text).toContain('N/A');
    expect(text).toContain('January 2022');
    expect(text).toContain('31 January 2022');
    expect(text).toContain('4 weeks late');
    expect(text).toContain('20 January 2022 at 2:05pm by Priya Shah');
    expect(text).toContain('the February meeting was cancelled');
    expect(text).toContain('▲ At risk');
    expectDefaultTextColours(card);
  });

  it('shows a revised due date with its reason, and no lateness before it', () => {
    const card = buildActionCard({ ...base, action: sampleAction('4'), viewer: { canEdit: true } });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('30 November 2021');
    expect(text).toContain('Revised due date');
    expect(text).toContain('30 April 2022');
    expect(text).toContain('Waiting for the LGA to publish its revised guidance.');
    expect(text).toContain('due in 60 days');
    expect(text).toContain('● On track');
  });

  it('shows each status as a shape and a word, in the default text colour', () => {
    for (const status of STATUSES) {
      const card = buildActionCard({
        ...base,
        action: { ...sampleAction('2'), status },
        viewer: { canEdit: false },
      });
      expect(visibleText(card)).toContain(statusBadge(status));
      expectDefaultTextColours(card);
    }
  });

  it('gives an editor the inputs and an Update button carrying the action contract', () => {
    const action = sampleAction('2');
    const card = buildActionCard({ ...base, action, viewer: { canEdit: true } });
    expect(inputIdsOf(card)).toEqual(Object.values(inputIds('')));
    expect(inputIdsOf(card)).toEqual(['status', 'note', 'revisedDue', 'reason']);
    const [choice] = ofType(card, 'Input.ChoiceSet');
    expect(choice.style).toBe('compact');
    expect(choice.value).toBe('at-risk');
    expect(choice.choices).toEqual(STATUSES.map((s) => ({ title: statusLabel(s), value: s })));
    const [note] = ofType(card, 'Input.Text');
    expect(note).toMatchObject({
      isMultiline: true,
      maxLength: 4000,
      placeholder: 'What has happened since the last update?',
    });
    expect(ofType(card, 'Input.Date')).toHaveLength(1);
    expect(ofType(card, 'Input.Text')[1].placeholder).toBe('Why it moved, is paused or is closed');
    const [update] = executeActions(card);
    expect(update).toMatchObject({
      title: 'Update action 2',
      verb: VERBS.updateAction,
      associatedInputs: 'auto',
    });
    expect(executeData(card)).toEqual([
      {
        verb: 'updateAction',
        planId: samplePlan.id,
        ref: '2',
        version: action.version,
        shownStatus: 'at-risk',
        slot: '',
      },
    ]);
  });

  it('shows a read-only line instead of inputs to someone who cannot edit', () => {
    const card = buildActionCard({
      ...base,
      action: sampleAction('2'),
      viewer: { canEdit: false },
    });
    expectSoundCard(card);
    expect(inputIdsOf(card)).toEqual([]);
    expect(executeActions(card)).toEqual([]);
    expect(visibleText(card)).toContain(
      'Read only: this action belongs to Head of Marketing and Communications and Head of Democratic Services.',
    );
  });

  it('shows the history newest first with who, status change, note and new date', () => {
    const card = buildActionCard({
      ...base,
      action: sampleAction('4'),
      viewer: { canEdit: true },
      history: sampleHistory,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    const newest = text.indexOf('14 February 2022 at 9:12am');
    const middle = text.indexOf('22 November 2021 at 4:40pm');
    const oldest = text.indexOf('10 September 2021 at 11am');
    expect(newest).toBeGreaterThan(-1);
    expect(middle).toBeGreaterThan(newest);
    expect(oldest).toBeGreaterThan(middle);
    expect(text).toContain('Off track → On track (by reply)');
    expect(text).toContain('Not started → Off track');
    expect(text).toContain('Not started (no change) (from the plan)');
    expect(text).toContain(
      'New due date 30 April 2022. Reason: Waiting for the LGA to publish its revised guidance.',
    );
    expect(text).toContain('no point writing ours before then');
  });

  it('says so when the history is empty, and caps it at 10 entries', () => {
    const empty = buildActionCard({
      ...base,
      action: sampleAction('3'),
      viewer: { canEdit: false },
      history: [],
    });
    expect(visibleText(empty)).toContain('No updates yet.');
    const many = Array.from({ length: 25 }, (_, i) =>
      sampleUpdate('4', {
        at: new Date(Date.UTC(2022, 0, 1 + i, 12)).toISOString(),
        statusTo: 'on-track',
        note: `Week ${i + 1} note`,
      }),
    );
    const card = buildActionCard({
      ...base,
      action: sampleAction('4'),
      viewer: { canEdit: true },
      history: many,
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Week 25 note');
    expect(text).toContain('Week 16 note');
    expect(text).not.toContain('Week 15 note');
    expect(text).toContain('…and 15 earlier updates.');
  });

  it('shows a notice line beside the Update button, in its style', () => {
    const card = buildActionCard({
      ...base,
      action: sampleAction('4'),
      viewer: { canEdit: true },
      notice: 'Priya Shah updated this action since your card was sent: it is now At risk.',
      noticeStyle: 'warning',
    });
    expectSoundCard(card);
    // Beside the button the person pressed, not at the top of a tall card.
    const notice = ofType(card, 'Container').find((c) => c.style === 'warning')!;
    const edit = ofType(card, 'Container').find((c) =>
      (c.items as { type: string }[]).some((i) => i.type === 'ActionSet'),
    )!;
    const items = edit.items as unknown[];
    expect(items.indexOf(notice)).toBe(items.length - 2);
    expectLiteral(card, 'Priya Shah updated this action since your card was sent');
    const plain = buildActionCard({
      ...base,
      action: sampleAction('4'),
      viewer: { canEdit: true },
    });
    expect(visibleText(plain)).not.toContain('since your card');
  });

  it('shows notes, names and plan text literally, never as expressions or markdown', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const action = {
        ...sampleAction('4'),
        lastNote: `Note: ${hostile}`,
        lastUpdateBy: `Name ${hostile}`,
        proposedAction: `Plan ${hostile}`,
        owners: [`Head of ${hostile}`],
        revisedReason: `Reason ${hostile}`,
      };
      const history = [
        sampleUpdate('4', {
          at: '2022-02-20T10:00:00Z',
          statusTo: 'at-risk',
          note: `History ${hostile}`,
          byName: `By ${hostile}`,
        }),
      ];
      const card = buildActionCard({
        ...base,
        action,
        viewer: { canEdit: true },
        history,
        notice: `Notice ${hostile}`,
      });
      expectSoundCard(card, [hostile]);
      for (const text of [
        'Note: ',
        'Name ',
        'Plan ',
        'Head of ',
        'Reason ',
        'History ',
        'By ',
        'Notice ',
      ]) {
        expectLiteral(card, `${text}${hostile}`);
      }
    }
  });

  it('keeps a 4,000-character note whole and stays under 80 KB with a full history of them', () => {
    const note = longNote(4000);
    const history = Array.from({ length: 12 }, (_, i) =>
      sampleUpdate('4', {
        at: new Date(Date.UTC(2022, 0, 1 + i)).toISOString(),
        statusTo: 'on-track',
        note: longNote(4000),
        reason: 'r'.repeat(1000),
        dueTo: '2022-06-30',
      }),
    );
    const action = {
      ...sampleAction('4'),
      lastNote: note,
      recommendation: 'Long recommendation. '.repeat(500),
      proposedAction: 'Long proposed action. '.repeat(500),
    };
    const card = buildActionCard({ ...base, action, viewer: { canEdit: true }, history });
    expectSoundCard(card);
    expect(jsonLength(card)).toBeLessThan(CARD_LIMIT);
    expect(ofType(card, 'TextRun').some((r) => r.text === note)).toBe(true);
    // Plan text is cut for display, with an ellipsis.
    const proposed = ofType(card, 'TextRun').find((r) =>
      String(r.text).startsWith('Long proposed'),
    );
    expect(String(proposed?.text).length).toBeLessThanOrEqual(1500);
    expect(String(proposed?.text).endsWith('…')).toBe(true);
  });

  it('still fits when notes are made of characters JSON must escape', () => {
    const quoted = '"'.repeat(4000);
    const history = Array.from({ length: 10 }, (_, i) =>
      sampleUpdate('4', {
        at: new Date(Date.UTC(2022, 0, 1 + i)).toISOString(),
        statusTo: 'on-track',
        note: quoted,
      }),
    );
    const card = buildActionCard({
      ...base,
      action: { ...sampleAction('4'), lastNote: quoted },
      viewer: { canEdit: true },
      history,
    });
    expectSoundCard(card);
    expect(ofType(card, 'TextRun').filter((r) => r.text === quoted).length).toBeGreaterThan(1);
    expect(visibleText(card)).toMatch(/…and \d+ earlier updates?\./);
  });
});
