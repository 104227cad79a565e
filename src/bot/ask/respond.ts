import { CardFactory, MessageFactory } from 'botbuilder';
import { describeReading, readingLabels } from '../../ask/describe';
import type { Reading } from '../../ask/reading';
import { understand } from '../../ask/understand';
import { buildAskChoicesCard, buildAskExamplesCard } from '../../cards/ask-cards';
import { scheduleInWords } from '../../domain/channel-subscription';
import { answerReading } from '../../services/answer-question';
import { loadAskWorld, type AskWorld } from '../../services/ask-world';
import { subscribeChannel, unsubscribeChannel } from '../../services/channel-subscriptions';
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

function loadWorld(turn: BotTurn): Promise<AskWorld> {
  return loadAskWorld(turn.deps.repos, turn.now, turn.deps.config.TIMEZONE);
}

/** Plans a channel request may mean when none was named: the only plan, or a choice. */
function planChoices(world: AskWorld, reading: Reading): Reading[] {
  return world.plans
    .slice(0, 3)
    .map((p) => ({ ...reading, slots: { ...reading.slots, plan: p.id } }));
}

async function respondInChannel(turn: BotTurn, world: AskWorld, reading: Reading): Promise<void> {
  const channel = channelOf(turn.context);
  if (!channel) {
    await sendAnswer(
      turn,
      'Please ask me that in the team channel the summary should go to, starting with @Action Plan Bot.',
      null,
    );
    return;
  }
  const request = {
    conversationId: channel.conversationId,
    reference: channel.reference,
    channelName: channel.name,
    person: turn.person,
    now: turn.now,
  };
  const planId = reading.slots.plan ?? (world.plans.length === 1 ? world.plans[0].id : null);
  if (reading.intent === 'unsubscribe') {
    const removed = await unsubscribeChannel(turn.deps.repos, request, planId);
    const line =
      removed.length === 0
        ? 'This channel was not getting that summary.'
        : `Done: I will no longer post ${removed.map((s) => world.planName(s.planId)).join(' or ')} here.`;
    await sendAnswer(turn, line, null);
    return;
  }
  if (!planId) {
    await sendChoices(turn, world, 'Which plan should I post here?', planChoices(world, reading));
    return;
  }
  const schedule = reading.slots.schedule ?? { kind: 'weekly', day: 'monday' };
  const sub = await subscribeChannel(turn.deps.repos, request, planId, schedule);
  const meetings = world.plans.find((p) => p.id === planId)?.meetings ?? [];
  const warning =
    schedule.kind === 'before-meeting' && meetings.length === 0
      ? ` No meeting dates are set for it yet: add them with "meetings ${planId} <dates>".`
      : '';
  turn.log.info({ planId, schedule: schedule.kind }, 'channel subscribed');
  await sendAnswer(
    turn,
    `Done: I will post ${world.planName(sub.planId)} here ${scheduleInWords(schedule)}: what moved, what is overdue and what is due before the next meeting.${warning}`,
    null,
  );
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

/** Answers one reading: the one-line answer and its card, or a subscription change. */
export async function respondToReading(
  turn: BotTurn,
  world: AskWorld,
  reading: Reading,
): Promise<void> {
  if (reading.intent === 'subscribe' || reading.intent === 'unsubscribe') {
    await respondInChannel(turn, world, reading);
    return;
  }
  const answer = await answerReading({
    repos: turn.deps.repos,
    world,
    reading,
    viewer: turn.person,
    now: turn.now,
    staleDays: turn.deps.config.NUDGE_STALE_DAYS,
    timezone: turn.deps.config.TIMEZONE,
  });
  turn.log.info({ intent: reading.intent, answer: answer.kind }, 'question answered');
  const { line, card } = renderAnswer(answer, world);
  await sendAnswer(turn, line, card);
}

/**
 * A question in plain words: answered when it is clear; when it could mean two or three things,
 * what was understood and a button for each; when it cannot be read, examples for the person's
 * roles. Always handled, so a person is never left without an answer.
 */
export async function respondToQuestion(turn: BotTurn, text: string): Promise<void> {
  const world = await loadWorld(turn);
  const understanding = understand(text, world.context);
  if (understanding.kind === 'not-understood') {
    turn.log.info('question not understood');
    await sendAnswer(turn, NOT_UNDERSTOOD, buildAskExamplesCard({ roles: turn.person.roles }));
    return;
  }
  if (understanding.kind === 'understood') {
    await respondToReading(turn, world, understanding.best);
    return;
  }
  const intro =
    understanding.about === 'plan'
      ? `I understood: ${describeReading(understanding.best, world.planName)}. Several plans match; which one did you mean?`
      : `I understood: ${describeReading(understanding.best, world.planName)}. It could also mean something else; which did you mean?`;
  turn.log.info(
    { about: understanding.about, choices: understanding.readings.length },
    'question unsure',
  );
  await sendChoices(turn, world, intro, understanding.readings);
}
