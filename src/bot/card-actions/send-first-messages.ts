import { plural } from '../../cards/format';
import { buildMyActionsCard } from '../../cards/my-actions-card';
import { buildNoticeCard } from '../../cards/notice-card';
import { VERBS } from '../../cards/verbs';
import { refusals } from '../../services/refusals';
import { sendFirstMessages } from '../../services/first-messages';
import type { CardAction } from '../bot-turn';
import { cardText } from '../card-data';
import { requireImportAdmin } from '../files/admin-only';

/**
 * "Send each owner their actions" after an import: one message per owner through the notifier
 * and the send ledger, so each person gets it once however often the button is pressed.
 */
export const sendFirstMessagesCardAction: CardAction = {
  verb: VERBS.sendFirstMessages,
  run: async (turn, data) => {
    requireImportAdmin(turn);
    const planId = cardText(data.planId);
    if (!planId) throw refusals.cardLacks('plan it is for');
    const report = await sendFirstMessages(
      { repos: turn.deps.repos, notifier: turn.deps.notifier, now: turn.deps.now },
      { planId, by: turn.person },
      ({ person, actions, list }, plan) => ({
        card: buildMyActionsCard({ person, list }),
        text: `Here are your actions in "${plan.title}", which ${turn.person.name} has just imported. I will remind you before each deadline.`,
        summary: `${plural(actions.length, 'action')} for you in ${plan.title}`,
      }),
    );
    const { sent, before, missed } = report;
    turn.log.info({ planId, sent: sent.length, missed: missed.length }, 'first messages');
    const lines = [
      `Sent to ${plural(sent.length, 'person', 'people')}${sent.length ? `: ${sent.map((m) => m.name).join(', ')}` : ''}.`,
      ...(before.length > 0
        ? [`Already sent earlier to ${before.map((m) => m.name).join(', ')}: not sent again.`]
        : []),
      ...missed.map((m) => `Not reached: ${m.name} (${m.reason ?? m.outcome}).`),
    ];
    return {
      card: buildNoticeCard({
        title: `First messages for ${report.plan.title}`,
        lines,
        style: missed.length > 0 ? 'warning' : 'good',
      }),
    };
  },
};
