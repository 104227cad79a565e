import type { Schedule } from '../domain/channel-subscription';
import type { ChannelSubscription } from '../domain/channel-subscription';
import { canSignOff } from '../domain/permissions';
import type { Person } from '../domain/person';
import type { Repositories } from './repositories';
import { refusals } from './refusals';

/** Where a request to post came from: the channel and the person. */
export interface ChannelRequest {
  conversationId: string;
  reference: Record<string, unknown>;
  channelName: string | null;
  person: Person;
  now: Date;
}

function mayManage(person: Person): void {
  if (!canSignOff(person)) throw refusals.chairsOnly('choose what is posted to a channel');
}

/**
 * Has a plan's summary posted to a team channel on a schedule (replacing an earlier schedule for
 * the same plan). Chairs and admins only.
 */
export async function subscribeChannel(
  repos: Pick<Repositories, 'plans' | 'channels'>,
  request: ChannelRequest,
  planId: string,
  schedule: Schedule,
): Promise<ChannelSubscription> {
  mayManage(request.person);
  if (!(await repos.plans.get(planId))) throw refusals.planGone();
  return repos.channels.save({
    planId,
    conversationId: request.conversationId,
    reference: request.reference,
    channelName: request.channelName,
    schedule,
    createdBy: request.person.email,
    createdAt: request.now.toISOString(),
  });
}

/**
 * Stops a channel's summaries: of one plan, or of every plan when none is named. Returns the
 * subscriptions removed.
 */
export async function unsubscribeChannel(
  repos: Pick<Repositories, 'channels'>,
  request: Pick<ChannelRequest, 'conversationId' | 'person'>,
  planId: string | null,
): Promise<ChannelSubscription[]> {
  mayManage(request.person);
  const subs = (await repos.channels.list()).filter(
    (s) => s.conversationId === request.conversationId && (!planId || s.planId === planId),
  );
  for (const sub of subs) await repos.channels.remove(sub.id);
  return subs;
}
