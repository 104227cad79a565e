import { formatDate } from '../../domain/overdue';
import { ValidationError } from '../../services/errors';
import { meetingDatesNamed, MEETINGS_USAGE } from '../../services/meetings';
import type { TextCommand } from '../bot-turn';

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;

/** Splits "comms plan 12 January 2027, 9/3/27" where the dates begin. */
function splitPlanAndDates(text: string): { plan: string; dates: string } {
  const words = text.split(' ');
  const at = words.findIndex((w, i) => i > 0 && (/^\d/.test(w) || MONTH.test(w)));
  if (at < 0) return { plan: text, dates: '' };
  return { plan: words.slice(0, at).join(' '), dates: words.slice(at).join(' ') };
}

/**
 * `meetings <plan> <dates>` (chairs and admins): the dates of the committee's meetings about a
 * plan, for "since the last meeting" and summaries posted before each meeting. `meetings <plan>`
 * lists them.
 */
export const meetingsCommand: TextCommand = {
  name: 'meetings',
  match: (text) => {
    const m = /^meetings?(?:\s+(?:for|of|on)\b)?\s*(.*)$/i.exec(text);
    if (!m) return null;
    // "meeting went well" is progress, not this command: it needs a plan or dates after it.
    if (m[1] === '' || /^(?:went|was|is|has|had|with|notes?)\b/i.test(m[1])) {
      return /^meetings$/i.test(text) ? [''] : null;
    }
    return [m[1]];
  },
  run: async (turn, [rest]) => {
    if (!rest) throw new ValidationError(MEETINGS_USAGE);
    const { plan: query, dates: datesText } = splitPlanAndDates(rest);
    const found = await meetingDatesNamed(turn.deps.repos, turn.person, {
      query,
      datesText,
      now: turn.now,
      timezone: turn.deps.config.TIMEZONE,
    });
    const dates = found.meetings.map(formatDate).join(', ');
    if (found.kind === 'set') {
      turn.log.info({ planId: found.planId, meetings: found.meetings.length }, 'meeting dates set');
      await turn.context.sendActivity(`Done: meetings for ${found.planName} are ${dates}.`);
      return;
    }
    await turn.context.sendActivity(
      found.meetings.length === 0
        ? `No meeting dates are set for ${found.planName}. ${MEETINGS_USAGE}`
        : `Meetings for ${found.planName}: ${dates}.`,
    );
  },
};
