import { openNamedAction } from '../../services/open-action';
import { sendCard, type TextCommand } from '../bot-turn';
import { actionCardOf } from '../render-action';

/** `action <plan> <ref>`: one action with its history; editable by its owners. */
export const actionCommand: TextCommand = {
  name: 'action',
  match: (text) => {
    // The reference must look like one ("4", "R2.3"), so a reply such as "Action 4: framework
    // delayed until March" is read as progress, not as this command.
    const m = /^action\s+([^:]+?)\s+([A-Za-z]{0,3}\d[\w.-]*)$/i.exec(text);
    return m ? [m[1], m[2]] : null;
  },
  run: async (turn, [plan, ref]) => {
    const opened = await openNamedAction(turn.deps.repos, turn.person, { plan, ref }, turn.now);
    await sendCard(turn.context, actionCardOf(opened));
  },
};
