import { buildHelpCard } from '../../cards/help-card';
import { sendCard, type TextCommand } from '../bot-turn';

/** `help`: what the bot can do for this person. */
export const helpCommand: TextCommand = {
  name: 'help',
  match: (text) => (/^(help|\?|hi|hello|start|menu)$/i.test(text) ? [] : null),
  run: async (turn) => {
    await sendCard(turn.context, buildHelpCard({ roles: turn.person.roles }));
  },
};
