import { TeamsInfo, TurnContext, type TeamsChannelAccount } from 'botbuilder';
import type { Person } from '../domain/person';
import type { BotDeps } from './bot-deps';

function tenantOf(context: TurnContext): string | null {
  const channelData = context.activity.channelData as { tenant?: { id?: string } } | undefined;
  return channelData?.tenant?.id ?? context.activity.conversation?.tenantId ?? null;
}

/**
 * True for a one-to-one chat with the bot: the only conversation prompts go to, so the only
 * one whose reference is kept and whose plain text answers a prompt.
 */
export function isPersonalChat(context: TurnContext): boolean {
  const type = context.activity.conversation?.conversationType;
  return type === undefined || type === 'personal';
}

/** Who Teams says the sender is; null when Teams cannot say (not a member, or not answering). */
async function teamsMember(
  context: TurnContext,
  id: string,
  deps: BotDeps,
): Promise<TeamsChannelAccount | null> {
  try {
    return await TeamsInfo.getMember(context, id);
  } catch (error) {
    deps.logger.warn(
      { statusCode: (error as { statusCode?: unknown }).statusCode ?? null },
      'Teams could not say who the sender is',
    );
    return null;
  }
}

/**
 * Finds who is talking: by their AAD object id (one read), else by asking Teams for their
 * email. Remembers their ids and, in a personal chat, where to send them prompts.
 */
export async function resolvePerson(context: TurnContext, deps: BotDeps): Promise<Person | null> {
  const from = context.activity.from;
  const aadObjectId = from?.aadObjectId ?? null;
  let person = aadObjectId ? await deps.repos.people.findByAadObjectIdCached(aadObjectId) : null;
  let memberAad: string | null = null;
  if (!person && from?.id) {
    const member = await teamsMember(context, from.id, deps);
    const email = member?.email ?? member?.userPrincipalName;
    memberAad = member?.aadObjectId ?? null;
    // Outside the catch above: a storage failure here is thrown (and told to the person as
    // such), never taken for someone who is not in the directory.
    person = email ? await deps.repos.people.get(email) : null;
  }
  if (!person) return null;
  const reference = isPersonalChat(context)
    ? (TurnContext.getConversationReference(context.activity) as Record<string, unknown>)
    : null;
  const stored = person.conversationReference as { conversation?: { id?: string } } | null;
  const referenceChanged =
    reference !== null &&
    (stored?.conversation?.id !== context.activity.conversation?.id || person.unreachable !== null);
  const ids = {
    aadObjectId: aadObjectId ?? memberAad,
    teamsUserId: from?.id ?? null,
    tenantId: tenantOf(context),
  };
  const idsChanged =
    (ids.aadObjectId !== null && ids.aadObjectId.toLowerCase() !== person.aadObjectId) ||
    ids.teamsUserId !== person.teamsUserId;
  if (referenceChanged || idsChanged) {
    await deps.repos.people.rememberTeamsIdentity(person.email, {
      ...ids,
      conversationReference: referenceChanged ? reference : null,
    });
    person = {
      ...person,
      aadObjectId: ids.aadObjectId?.toLowerCase() ?? person.aadObjectId,
      teamsUserId: ids.teamsUserId,
      conversationReference: referenceChanged ? reference : person.conversationReference,
      unreachable: referenceChanged ? null : person.unreachable,
    };
  }
  return person;
}

/** The tenant an activity came from (for refusing other tenants). */
export function activityTenant(context: TurnContext): string | null {
  return tenantOf(context);
}
