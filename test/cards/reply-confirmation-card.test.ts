import { buildReplyConfirmationCard } from '../../src/cards/reply-confirmation-card';
import { inputIds, VERBS } from '../../src/cards/verbs';
import { STATUSES, statusLabel } from '../../src/domain/status';
import { HOSTILE_TEXTS, longNote, sampleAction, samplePlan } from '../support/sample-data';
import {
  executeActions,
  executeData,
  expectLiteral,
  expectSoundCard,
  inputIdsOf,
  ofType,
  visibleText,
  expectDefaultTextColours,
} from './card-checks';

const reply = 'Framework agreed by group leaders on Monday, going to committee on 14 March.';

describe('reply confirmation card', () => {
  const saved = { ...sampleAction('4'), status: 'complete' as const, version: 'W/"v9"' };

  it('confirms the reply with the note, the status read from it and a way to correct it', () => {
    const card = buildReplyConfirmationCard({
      action: saved,
      plan: samplePlan,
      note: reply,
      inferredStatus: 'complete',
      previousStatus: 'on-track',
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('I’ve recorded your reply on action 4');
    expectLiteral(card, reply);
    expect(text).toContain('(was On track)');
    expect(text).toContain('✓ Complete');
    expectDefaultTextColours(card);
    expect(inputIdsOf(card)).toEqual([inputIds('').status]);
    const [choice] = ofType(card, 'Input.ChoiceSet');
    expect(choice.value).toBe('complete');
    expect(choice.style).toBe('compact');
    expect(choice.choices).toEqual(STATUSES.map((s) => ({ title: statusLabel(s), value: s })));
    const [correct] = executeActions(card);
    expect(correct).toMatchObject({ verb: VERBS.correctReply, associatedInputs: 'auto' });
    expect(executeData(card)).toEqual([
      {
        verb: 'correctReply',
        planId: samplePlan.id,
        ref: '4',
        version: 'W/"v9"',
        shownStatus: 'complete',
        slot: '',
      },
    ]);
  });

  it('says when the status did not change, and keeps a 4,000-character note whole', () => {
    const note = longNote(4000);
    const card = buildReplyConfirmationCard({
      action: saved,
      plan: samplePlan,
      note,
      inferredStatus: 'on-track',
      previousStatus: 'on-track',
    });
    expectSoundCard(card);
    expect(visibleText(card)).toContain('(unchanged)');
    expect(ofType(card, 'TextRun').some((r) => r.text === note)).toBe(true);
  });

  it('shows the note literally', () => {
    for (const hostile of HOSTILE_TEXTS) {
      const card = buildReplyConfirmationCard({
        action: saved,
        plan: samplePlan,
        note: `Done ${hostile}`,
        inferredStatus: 'complete',
        previousStatus: 'on-track',
      });
      expectSoundCard(card, [hostile]);
      expectLiteral(card, `Done ${hostile}`);
    }
  });
});
