import { buildSignOffCard } from '../cards/sign-off-card';
import type { ContainerStyle } from '../cards/format';
import type { Action, Plan } from '../domain/action';
import type { ReopenResult, SignOffResult } from '../services/sign-off';
import type { BotTurn, CardJson } from './bot-turn';
import { actionCardOf } from './render-action';

/** The sign-off card of a plan as it stands after a decision, with a notice on top. */
export function signOffCardOf(
  queue: { plan: Plan; awaiting: Action[] },
  notice?: { text: string; style: ContainerStyle },
): CardJson {
  return buildSignOffCard({
    plan: queue.plan,
    awaiting: queue.awaiting,
    notice: notice?.text,
    noticeStyle: notice?.style,
  });
}

/** "Signed off 1 and 3. 5 is not complete…": what a sign-off did, in words. */
export function signOffInWords(result: SignOffResult): { text: string; style: ContainerStyle } {
  const done = result.signedOff.map((a) => a.ref);
  const parts: string[] = [];
  if (done.length > 0) {
    parts.push(
      `Signed off ${done.length === 1 ? 'action' : 'actions'} ${joinRefs(done)} of ${result.plan.title}.`,
    );
  }
  for (const refused of result.refused) parts.push(refused.message);
  return { text: parts.join(' '), style: result.refused.length > 0 ? 'warning' : 'good' };
}

const joinRefs = (refs: string[]): string =>
  refs.length <= 1
    ? (refs[0] ?? '')
    : `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]}`;

/**
 * Tells the owners of a reopened action, through the notifier, with the action's card (the
 * chair's comment on top) so they can update it straight away. Returns what to tell the chair.
 */
export async function tellOwnersReopened(turn: BotTurn, result: ReopenResult): Promise<string> {
  const { action, plan, owners } = result;
  const notifier = turn.deps.notifier;
  const told: string[] = [];
  for (const owner of owners) {
    const card = actionCardOf(result.ownersView, {
      notice: `${turn.person.name} reopened this action: ${action.lastNote ?? ''}`,
      noticeStyle: 'warning',
    });
    const outcome = await notifier.send(owner, {
      card,
      summary: `Action ${action.ref} was reopened`,
    });
    turn.log.info({ planId: plan.id, ref: action.ref, outcome: outcome.status }, 'reopen notice');
    if (outcome.status === 'sent') told.push(owner.name);
  }
  const base = `Reopened action ${action.ref} of ${plan.title}.`;
  if (told.length > 0) return `${base} I have told ${joinRefs(told)}.`;
  return owners.length === 0
    ? `${base} Nobody in the directory holds its owner posts, so nobody has been told.`
    : `${base} I could not reach its owners in Teams: please let them know.`;
}
