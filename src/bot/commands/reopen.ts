import { canSignOff } from '../../domain/permissions';
import { ValidationError } from '../../services/errors';
import { planNamed } from '../../services/plan-named';
import { reopenAction } from '../../services/sign-off';
import type { TextCommand } from '../bot-turn';
import { tellOwnersReopened } from '../sign-off-turns';
import { readReopen } from './decision-words';
import { refusals } from '../../services/refusals';

/**
 * `reopen <plan> <ref> <comment>`, "reopen rec 3 on the comms plan: comment": a chair or admin
 * sends a completed action back to its owners, who are told with the comment.
 */
export const reopenCommand: TextCommand = {
  name: 'reopen',
  match: (text) => {
    const m = /^re-?open\s+(.+)$/i.exec(text);
    if (!m) return null;
    const read = readReopen(m[1]);
    // "reopen 4 on the comms plan" with no comment: answered with how to give one.
    return read ? [read.plan, read.ref, read.comment] : ['', '', ''];
  },
  run: async (turn, [planWords, ref, comment]) => {
    if (!canSignOff(turn.person)) {
      throw refusals.chairsOnly('reopen actions');
    }
    if (!ref) {
      throw new ValidationError(
        'Say which action and why, for example: reopen rec 3 on the comms plan: the training has not happened yet.',
      );
    }
    const plan = await planNamed(
      turn.deps.repos,
      planWords,
      (id) => `reopen ${id} ${ref} ${comment}`,
    );
    const result = await reopenAction(turn.deps.repos, {
      planId: plan.id,
      ref,
      author: turn.person,
      comment,
      source: 'command',
      now: turn.now,
    });
    await turn.context.sendActivity(await tellOwnersReopened(turn, result));
  },
};
