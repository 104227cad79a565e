import type { Reading } from '../ask/reading';
import { understand } from '../ask/understand';
import type { Schedule } from '../domain/channel-subscription';
import type { Person } from '../domain/person';
import { answerReading, type Answer } from './answer-question';
import { loadAskWorld, type AskWorld } from './ask-world';
import { subscribeChannel, unsubscribeChannel } from './channel-subscriptions';
import type { Repositories } from './repositories';

/** Who asks, when, and from which team channel (null in a personal or group chat). */
export interface AskRequest {
  viewer: Person;
  now: Date;
  timezone: string;
  staleDays: number;
  channel: {
    conversationId: string;
    reference: Record<string, unknown>;
    name: string | null;
  } | null;
}

/** What came of a question or a chosen reading, ready to word. */
export type AskOutcome =
  | { kind: 'not-understood' }
  | { kind: 'unsure'; about: 'plan' | 'intent'; best: Reading; readings: Reading[] }
  | { kind: 'answered'; reading: Reading; answer: Answer }
  /** A channel request made outside a team channel. */
  | { kind: 'no-channel' }
  /** The plans whose summaries this channel no longer gets (none when it got none). */
  | { kind: 'unsubscribed'; planIds: string[] }
  /** A channel request that named no plan while several exist: the plans to choose from. */
  | { kind: 'choose-plan'; readings: Reading[] }
  | { kind: 'subscribed'; planId: string; schedule: Schedule; noMeetings: boolean }
  /** A chosen reading whose plan has been removed since. */
  | { kind: 'plan-gone' };

/** An outcome with the plans, actions and people it was worked out against. */
export interface AskResult {
  world: AskWorld;
  outcome: AskOutcome;
}

/** Plans a channel request may mean when none was named: up to three, as readings. */
function planChoices(world: AskWorld, reading: Reading): Reading[] {
  return world.plans
    .slice(0, 3)
    .map((p) => ({ ...reading, slots: { ...reading.slots, plan: p.id } }));
}

async function changeChannel(
  repos: Pick<Repositories, 'plans' | 'channels'>,
  world: AskWorld,
  reading: Reading,
  request: AskRequest,
): Promise<AskOutcome> {
  const { channel } = request;
  if (!channel) return { kind: 'no-channel' };
  const channelRequest = {
    conversationId: channel.conversationId,
    reference: channel.reference,
    channelName: channel.name,
    person: request.viewer,
    now: request.now,
  };
  const planId = reading.slots.plan ?? (world.plans.length === 1 ? world.plans[0].id : null);
  if (reading.intent === 'unsubscribe') {
    const removed = await unsubscribeChannel(repos, channelRequest, planId);
    return { kind: 'unsubscribed', planIds: removed.map((s) => s.planId) };
  }
  if (!planId) return { kind: 'choose-plan', readings: planChoices(world, reading) };
  const schedule = reading.slots.schedule ?? { kind: 'weekly', day: 'monday' };
  const sub = await subscribeChannel(repos, channelRequest, planId, schedule);
  const meetings = world.plans.find((p) => p.id === planId)?.meetings ?? [];
  return {
    kind: 'subscribed',
    planId: sub.planId,
    schedule,
    noMeetings: schedule.kind === 'before-meeting' && meetings.length === 0,
  };
}

async function outcomeOf(
  repos: Repositories,
  world: AskWorld,
  reading: Reading,
  request: AskRequest,
): Promise<AskOutcome> {
  if (reading.intent === 'subscribe' || reading.intent === 'unsubscribe') {
    return changeChannel(repos, world, reading, request);
  }
  const answer = await answerReading({
    repos,
    world,
    reading,
    viewer: request.viewer,
    now: request.now,
    staleDays: request.staleDays,
    timezone: request.timezone,
  });
  return { kind: 'answered', reading, answer };
}

/**
 * A question in plain words: answered (or the channel's summaries changed) when it is clear;
 * the readings to choose from when it could mean two or three things; not understood otherwise.
 */
export async function askQuestion(
  repos: Repositories,
  text: string,
  request: AskRequest,
): Promise<AskResult> {
  const world = await loadAskWorld(repos, request.now, request.timezone);
  const understanding = understand(text, world.context);
  if (understanding.kind === 'not-understood') return { world, outcome: understanding };
  if (understanding.kind === 'understood') {
    return { world, outcome: await outcomeOf(repos, world, understanding.best, request) };
  }
  return { world, outcome: understanding };
}

/** One reading chosen from a "Did you mean…" card, answered as if asked plainly. */
export async function answerChosenReading(
  repos: Repositories,
  reading: Reading,
  request: AskRequest,
): Promise<AskResult> {
  const world = await loadAskWorld(repos, request.now, request.timezone);
  if (reading.slots.plan && !world.plans.some((p) => p.id === reading.slots.plan)) {
    return { world, outcome: { kind: 'plan-gone' } };
  }
  return { world, outcome: await outcomeOf(repos, world, reading, request) };
}
