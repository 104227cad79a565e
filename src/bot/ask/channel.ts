import { TurnContext } from 'botbuilder';

/** The team channel a turn came from, or null in a personal or group chat. */
export interface ChannelOfTurn {
  /** The channel's conversation id without a thread's message id. */
  conversationId: string;
  /** A reference that posts new messages to the channel (not replies in a thread). */
  reference: Record<string, unknown>;
  name: string | null;
}

/** The channel of a turn, when it came from one. */
export function channelOf(context: TurnContext): ChannelOfTurn | null {
  const conversation = context.activity.conversation;
  if (conversation?.conversationType !== 'channel') return null;
  const conversationId = (conversation.id ?? '').split(';')[0];
  const reference = TurnContext.getConversationReference(context.activity);
  const channelData = context.activity.channelData as
    { channel?: { name?: string }; team?: { name?: string } } | undefined;
  return {
    conversationId,
    reference: JSON.parse(
      JSON.stringify({
        ...reference,
        activityId: undefined,
        conversation: { ...reference.conversation, id: conversationId },
      }),
    ) as Record<string, unknown>,
    name: channelData?.channel?.name ?? channelData?.team?.name ?? null,
  };
}
