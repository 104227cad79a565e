import { buildActionListCard } from '../../src/cards/action-list-card';
import { buildAskChoicesCard, buildAskExamplesCard, examplesFor } from '../../src/cards/ask-cards';
import { readingFromData } from '../../src/cards/reading-data';
import { VERBS } from '../../src/cards/verbs';
import { myActionsList } from '../../src/domain/my-actions';
import { isWellFormedCardData } from '../../src/bot/card-data';
import { SAMPLE_NOW, sampleActions, samplePlan } from '../support/sample-data';
import { executeActions, expectSoundCard, visibleText } from './card-checks';

describe('question cards', () => {
  it('offers each reading as a button that carries it back intact', () => {
    const readings = [
      { intent: 'overdue', slots: { plan: samplePlan.id, service: 'Democratic Services' } },
      {
        intent: 'changes',
        slots: { plan: samplePlan.id, since: '2026-10-01', until: '2026-10-31' },
      },
      { intent: 'subscribe', slots: { schedule: { kind: 'before-meeting' as const } } },
      { intent: 'status', slots: { statuses: ['off-track' as const, 'at-risk' as const] } },
    ];
    const card = buildAskChoicesCard({
      heading: 'Which did you mean?',
      intro: 'I understood: overdue actions.',
      readings: readings.map((reading, i) => ({ reading, title: `Choice ${i + 1}` })),
    });
    expectSoundCard(card);
    const buttons = executeActions(card);
    expect(buttons.map((b) => b.title)).toEqual(['Choice 1', 'Choice 2', 'Choice 3']);
    for (const [i, button] of buttons.entries()) {
      const data = button.data as Record<string, unknown>;
      expect(button.verb).toBe(VERBS.answerReading);
      expect(isWellFormedCardData(data)).toBe(true);
      expect(readingFromData(data)).toEqual(readings[i]);
    }
  });

  it('refuses data no button of ours carries', () => {
    expect(readingFromData({ intent: 'drop tables' })).toBeNull();
    expect(readingFromData({ intent: 'overdue', since: '1 Oct' })).toBeNull();
    expect(readingFromData({ intent: 'overdue', statuses: 'purple' })).toBeNull();
    expect(readingFromData({ intent: 'overdue', planId: 'x'.repeat(500) })).toBeNull();
    expect(readingFromData({ intent: 'overdue', schedule: 'sunday' })).toBeNull();
  });

  it('gives examples that fit the role, then the commands', () => {
    expect(examplesFor(['officer'])).toContain('“What’s due this month?”');
    expect(examplesFor(['chair'])).toContain('“What’s changed since the last meeting?”');
    expect(examplesFor(['officer']).join(' ')).not.toContain('Post the comms plan');
    const card = buildAskExamplesCard({ roles: ['chair'] });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Post the comms plan here every Monday');
    expect(text).toContain('my actions');
  });

  it('lists the actions answering a question on the "my actions" card', () => {
    const card = buildActionListCard({
      heading: 'Off track or at risk',
      intro: '1 of 4 actions on the plan is off track or at risk.',
      list: myActionsList(
        sampleActions.map((action) => ({ action, plan: samplePlan })),
        SAMPLE_NOW,
        false,
      ),
    });
    expectSoundCard(card);
    const text = visibleText(card);
    expect(text).toContain('Off track or at risk');
    expect(text).toContain('1 of 4 actions on the plan is off track or at risk.');
    expect(executeActions(card).every((a) => a.verb === VERBS.showAction)).toBe(true);
  });
});
