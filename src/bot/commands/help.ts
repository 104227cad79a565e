import { buildHelpCard } from '../../cards/help-card';
import { sendCard, type TextCommand } from '../bot-turn';
import { isSharedConversation } from '../shared-cards';

/** `help`: what the bot can do for this person. */
export const helpCommand: TextCommand = {
  name: 'help',
  match: (text) => (/^(help|\?|hi|hello|start|menu)$/i.test(text) ? [] : null),
  run: async (turn) => {
    // In a group chat or channel the list is the one everyone has: a chair's or admin's extra
    // commands would tell the others their roles.
    const roles = isSharedConversation(turn.context) ? [] : turn.person.roles;
    await sendCard(turn.context, buildHelpCard({ roles }));
  },
};
