import { canSignOff } from '../../domain/permissions';
import { refusals } from '../../services/refusals';
import { planNamed } from '../../services/plan-named';
import { signOffActions } from '../../services/sign-off';
import type { TextCommand } from '../bot-turn';
import { sendView } from '../shared-cards';
import { signOffCardFor, signOffInWords } from '../sign-off-turns';
import { readRefsAndPlan } from './decision-words';

const SIGN_OFF = /^(?:please\s+)?(?:can you\s+)?sign[\s-]?off\s+(.+)$/i;

/**
 * `sign off <plan> <refs>`, "sign off rec 3 on the comms plan", "sign off 1, 3 and 5": a chair
 * or admin signs off completed actions, several at once at a meeting. `sign off` alone (or with
 * a plan) shows the plan's sign-off card.
 */
export const signOffCommand: TextCommand = {
  name: 'sign-off',
  match: (text) => {
    if (/^(?:sign[\s-]?offs?|awaiting sign[\s-]?off)$/i.test(text)) return ['', ''];
    const m = SIGN_OFF.exec(text);
    if (!m) return null;
    const read = readRefsAndPlan(m[1]);
    if (read) return [read.plan, read.refs.join(',')];
    // "sign off for the comms plan", "sign off members-communications": the plan's card. Other
    // words after "sign off" are left alone: "Sign off expected next week" is progress.
    const list =
      /^(?:for|on)\s+(?:the\s+)?(.+?)(?:\s+plan)?[.?!]?$/i.exec(m[1]) ??
      /^(?:the\s+)?(.+?)\s+plan[.?!]?$/i.exec(m[1]) ??
      /^([a-z0-9]+(?:-[a-z0-9]+)+)$/i.exec(m[1]);
    return list && m[1].split(/\s+/).length <= 6 ? [list[1], ''] : null;
  },
  run: async (turn, [planWords, refs]) => {
    if (!canSignOff(turn.person)) {
      throw refusals.chairsOnly('sign off actions');
    }
    const plan = await planNamed(turn.deps.repos, planWords, (id) =>
      refs ? `sign off ${refs.split(',').join(', ')} on ${id}` : `sign off ${id} 1`,
    );
    if (!refs) {
      await sendView(turn, { view: 'sign-off', planId: plan.id }, () =>
        signOffCardFor(turn, plan.id),
      );
      return;
    }
    const result = await signOffActions(turn.deps.repos, {
      planId: plan.id,
      refs: refs.split(','),
      author: turn.person,
      source: 'command',
      now: turn.now,
    });
    turn.log.info({ planId: plan.id, signedOff: result.signedOff.length }, 'sign-off');
    await turn.context.sendActivity(signOffInWords(result).text);
  },
};
