import { hasRole } from '../../domain/person';
import { ValidationError } from '../../services/errors';
import { assignPost } from '../../services/assign-post';
import type { TextCommand } from '../bot-turn';
import { refusals } from '../../services/refusals';

/** `assign <post> to <email>` (admins): says who now holds a post. */
export const assignCommand: TextCommand = {
  name: 'assign',
  match: (text) => {
    const m = /^assign\s+(.+?)\s+to\s+(\S+)$/i.exec(text);
    return m ? [m[1], m[2]] : /^assign\b/i.test(text) ? ['', ''] : null;
  },
  run: async (turn, [post, email]) => {
    if (!hasRole(turn.person, 'admin')) {
      throw refusals.adminsOnly('assign posts', 'Please ask your democratic services team.');
    }
    if (!post || !email) {
      throw new ValidationError(
        'Please write it as: assign, the post, to, then their email address. For example: assign Head of Democratic Services to sam@council.gov.uk',
      );
    }
    const outcome = await assignPost(turn.deps.repos.people, post, email.replace(/^mailto:/i, ''));
    const previously = outcome.previousHolders.length
      ? ` (previously ${outcome.previousHolders.join(', ')})`
      : '';
    await turn.context.sendActivity(
      `Done: ${outcome.post} is now held by ${outcome.holder}${previously}.`,
    );
  },
};
