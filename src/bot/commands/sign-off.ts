import { signOffNamed } from '../../services/sign-off-named';
import type { TextCommand } from '../bot-turn';
import { sendView } from '../shared-cards';
import { signOffCardOf, signOffInWords } from '../sign-off-turns';
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
    const outcome = await signOffNamed(turn.deps.repos, {
      planWords,
      refs: refs ? refs.split(',') : [],
      author: turn.person,
      now: turn.now,
    });
    if (outcome.kind === 'queue') {
      const { queue } = outcome;
      await sendView(turn, { view: 'sign-off', planId: queue.plan.id }, async () =>
        signOffCardOf(queue),
      );
      return;
    }
    const { result } = outcome;
    turn.log.info({ planId: result.plan.id, signedOff: result.signedOff.length }, 'sign-off');
    await turn.context.sendActivity(signOffInWords(result).text);
  },
};
