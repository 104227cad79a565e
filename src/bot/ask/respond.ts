import { CardFactory, MessageFactory } from 'botbuilder';
import { describeReading, readingLabels } from '../../ask/describe';
import type { Reading } from '../../ask/reading';
import { buildAskChoicesCard, buildAskExamplesCard } from '../../cards/ask-cards';
import { scheduleInWords } from '../../domain/channel-subscription';
import { askQuestion, type AskRequest, type AskResult } from '../../services/ask-question';
import type { AskWorld } from '../../services/ask-world';
import type { BotTurn, CardJson } from '../bot-turn';
import { channelOf } from './channel';
import { renderAnswer } from './render-answer';

/** What the bot says before its examples when it cannot read a question. */
export const NOT_UNDERSTOOD = "Sorry, I didn't understand that. You can ask me things like these:";

/** Sends a one-line answer with its card in one message (the line shows above the card). */
export async function sendAnswer(
  turn: BotTurn,
  line: string,
  card: CardJson | null,
): Promise<void> {
  await turn.context.sendActivity(
    card
      ? MessageFactory.attachment(CardFactory.adaptiveCard(card), line)
      : MessageFactory.text(line),
  );
}

/** Who asks, when and where, as the ask use cases take it. */
export function askRequestOf(turn: BotTurn): AskRequest {
  return {
    viewer: turn.person,
    now: turn.now,
    timezone: turn.deps.config.TIMEZONE,
    staleDays: turn.deps.config.NUDGE_STALE_DAYS,
    channel: channelOf(turn.context),
  };
}

async function sendChoices(
  turn: BotTurn,
  world: AskWorld,
  intro: string,
  readings: Reading[],
): Promise<void> {
  const labels = readingLabels(readings, world.planName);
  const card = buildAskChoicesCard({
    heading: 'Which did you mean?',
    intro,
    readings: readings.map((reading, i) => ({ reading, title: labels[i] })),
  });
  await sendAnswer(turn, intro, card);
}

/**
 * Words what came of a question or a chosen reading: the one-line answer and its card, a
 * subscription change, the choices, or examples. A removed plan is worded by the caller.
 */
export async function sendAskResult(turn: BotTurn, { world, outcome }: AskResult): Promise<void> {
  switch (outcome.kind) {
    case 'not-understood':
      turn.log.info('question not understood');
      await sendAnswer(turn, NOT_UNDERSTOOD, buildAskExamplesCard({ roles: turn.person.roles }));
      return;
    case 'unsure': {
      const intro =
        outcome.about === 'plan'
          ? `I understood: ${describeReading(outcome.best, world.planName)}. Several plans match; which one did you mean?`
          : `I understood: ${describeReading(outcome.best, world.planName)}. It could also mean something else; which did you mean?`;
      turn.log.info({ about: outcome.about, choices: outcome.readings.length }, 'question unsure');
      await sendChoices(turn, world, intro, outcome.readings);
      return;
    }
    case 'answered': {
      turn.log.info(
        { intent: outcome.reading.intent, answer: outcome.answer.kind },
        'question answered',
      );
      const { line, card } = renderAnswer(outcome.answer, world);
      await sendAnswer(turn, line, card);
      return;
    }
    case 'no-channel':
      await sendAnswer(
        turn,
        'Please ask me that in the team channel the summary should go to, starting with @Action Plan Bot.',
        null,
      );
      return;
    case 'unsubscribed':
      await sendAnswer(
        turn,
        outcome.planIds.length === 0
          ? 'This channel was not getting that summary.'
          : `Done: I will no longer post ${outcome.planIds.map((id) => world.planName(id)).join(' or ')} here.`,
        null,
      );
      return;
    case 'choose-plan':
      await sendChoices(turn, world, 'Which plan should I post here?', outcome.readings);
      return;
    case 'subscribed': {
      const { planId, schedule } = outcome;
      const warning = outcome.noMeetings
        ? ` No meeting dates are set for it yet: add them with "meetings ${planId} <dates>".`
        : '';
      turn.log.info({ planId, schedule: schedule.kind }, 'channel subscribed');
      await sendAnswer(
        turn,
        `Done: I will post ${world.planName(planId)} here ${scheduleInWords(schedule)}: what moved, what is overdue and what is due before the next meeting.${warning}`,
        null,
      );
      return;
    }
    case 'plan-gone':
      return;
  }
}

/**
 * A question in plain words: answered when it is clear; when it could mean two or three things,
 * what was understood and a button for each; when it cannot be read, examples for the person's
 * roles. Always handled, so a person is never left without an answer.
 */
export async function respondToQuestion(turn: BotTurn, text: string): Promise<void> {
  await sendAskResult(turn, await askQuestion(turn.deps.repos, text, askRequestOf(turn)));
}
