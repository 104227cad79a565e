import { openNamedAction } from '../../services/open-action';
import type { TextCommand } from '../bot-turn';
import { actionCardOf } from '../render-action';
import { sendView } from '../shared-cards';

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
    // In a group chat or channel everyone sees the action without notes; its owners, and whoever
    // asked, get their own view.
    const key = { view: 'action', planId: opened.plan.id, ref: opened.action.ref } as const;
    await sendView(turn, key, () => Promise.resolve(actionCardOf(opened)));
  },
};
