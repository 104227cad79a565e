import { reopenNamed } from '../../services/sign-off-named';
import type { TextCommand } from '../bot-turn';
import { tellOwnersReopened } from '../sign-off-turns';
import { readReopen } from './decision-words';

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
    const result = await reopenNamed(turn.deps.repos, {
      planWords,
      ref,
      comment,
      author: turn.person,
      now: turn.now,
    });
    await turn.context.sendActivity(await tellOwnersReopened(turn, result));
  },
};
