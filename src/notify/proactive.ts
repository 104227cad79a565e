import {
  TurnContext,
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
} from 'botbuilder';
import type { Person } from '../domain/person';

/**
 * One proactive send to a stored conversation, returning the new activity's id. A failure inside
 * the turn is caught there and thrown from here: left to the turn, it would only reach the
 * adapter's `onTurnError`, and the send would look as if it had worked.
 */
export async function sendToConversation(
  adapter: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  activity: Partial<Activity>,
): Promise<string | null> {
  let outcome: { id: string | null } | { error: unknown } | null = null;
  await adapter.continueConversationAsync(appId, reference, async (context) => {
    try {
      const response = await context.sendActivity(activity);
      outcome = { id: response?.id ?? null };
    } catch (error) {
      outcome = { error };
    }
  });
  const result = outcome as { id: string | null } | { error: unknown } | null;
  if (result === null) throw new Error('The send did not run');
  if ('error' in result) throw result.error;
  return result.id;
}

/**
 * Starts a one-to-one chat with a person known by their Teams ids (the app must be installed for
 * them) and returns its reference, for the caller to remember for the next messages.
 */
export async function startChat(
  adapter: CloudAdapter,
  appId: string,
  person: Person,
  chat: { serviceUrl: string; tenantId: string | undefined },
): Promise<Partial<ConversationReference>> {
  const memberId = person.teamsUserId ?? person.aadObjectId ?? '';
  const parameters = {
    isGroup: false,
    bot: { id: appId ? `28:${appId}` : 'action-plan-bot', name: 'Action Plan Bot' },
    members: [{ id: memberId, name: person.name }],
    tenantId: chat.tenantId,
    channelData: { tenant: { id: chat.tenantId } },
  } as ConversationParameters;
  let reference: Partial<ConversationReference> | null = null;
  // An empty audience means the configured one (see createNotifierAdapter).
  await adapter.createConversationAsync(
    appId,
    'msteams',
    chat.serviceUrl,
    '',
    parameters,
    async (context) => {
      reference = TurnContext.getConversationReference(context.activity);
    },
  );
  const created = reference as Partial<ConversationReference> | null;
  if (!created?.conversation?.id) throw new Error('Teams did not return a conversation');
  // botbuilder puts the new chat's id where a reference keeps an activity id; it is no message.
  return {
    ...created,
    activityId: undefined,
    user: { id: memberId, name: person.name, aadObjectId: person.aadObjectId ?? undefined },
  };
}
