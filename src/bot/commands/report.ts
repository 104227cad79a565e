import { committeeReportNamed } from '../../services/committee-report';
import type { TextCommand } from '../bot-turn';
import { fileConsentAttachment } from '../file-consent';
import { isPersonalChat } from '../identity';

const REPORT_FOR =
  /^(?:(?:please\s+)?(?:can you\s+)?(?:send|give|get|make|prepare|produce)\s+(?:me\s+)?(?:the\s+|a\s+)?)?(?:committee\s+|progress\s+)?report\s+(?:for|on|of)\s+(?:the\s+)?(.+?)(?:\s+plan)?[.?!]?$/i;
const REPORT_ID = /^(?:committee\s+)?report\s+([a-z0-9]+(?:-[a-z0-9]+)+)$/i;

/**
 * "report for the comms plan", `report <plan>`: the committee's progress report as a Word
 * document, offered through Teams' file consent card in a personal chat (chairs and admins).
 */
export const reportCommand: TextCommand = {
  name: 'report',
  match: (text) => {
    // Short requests only: "Report on the framework went to Cabinet" is progress, not this.
    if (text.split(/\s+/).length > 12) return null;
    const m = REPORT_FOR.exec(text) ?? REPORT_ID.exec(text);
    return m ? [m[1]] : null;
  },
  run: async (turn, [planWords]) => {
    // Teams sends files only in a personal chat: elsewhere the plan is named, and no file made.
    const personal = isPersonalChat(turn.context);
    const { plan, made } = await committeeReportNamed(turn.deps.repos, turn.person, {
      planWords,
      deliverable: personal,
      now: turn.now,
    });
    if (!made) {
      await turn.context.sendActivity(
        `Teams only lets me send files in a personal chat. Message me there: report for ${plan.id}`,
      );
      return;
    }
    await turn.context.sendActivity({
      type: 'message',
      text: `Here is the progress report on ${plan.title}. Allow me to save it to your OneDrive and I will send it here.`,
      attachments: [fileConsentAttachment(made, plan.id)],
    });
  },
};
