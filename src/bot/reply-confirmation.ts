import { buildReplyConfirmationCard } from '../cards/reply-confirmation-card';
import type { RecordedReply } from '../services/record-reply';
import type { CardJson } from './bot-turn';

/** The card confirming a recorded reply, with the status read from it open to correction. */
export function replyConfirmationCard(recorded: RecordedReply): CardJson {
  return buildReplyConfirmationCard({
    action: recorded.action,
    plan: recorded.plan,
    note: recorded.note,
    inferredStatus: recorded.action.status,
    previousStatus: recorded.previousStatus,
  });
}
