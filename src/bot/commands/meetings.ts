import { readMeetingDates } from '../../ask/meeting-dates';
import { normaliseQuestion, wordsOf } from '../../ask/text';
import { formatDate } from '../../domain/overdue';
import { loadAskWorld } from '../../services/ask-world';
import { ValidationError } from '../../services/errors';
import { assertMaySetMeetings, setMeetingDates } from '../../services/meetings';
import type { TextCommand } from '../bot-turn';
import { refusals } from '../../services/refusals';

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
const USAGE =
  'Please write it as: meetings <plan> <dates>, e.g. meetings comms 12 January 2027, 9 March 2027';

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
    if (!rest) throw new ValidationError(USAGE);
    const { plan: query, dates: datesText } = splitPlanAndDates(rest);
    const world = await loadAskWorld(turn.deps.repos, turn.now, turn.deps.config.TIMEZONE);
    const exact = world.plans.find((p) => p.id.toLowerCase() === query.toLowerCase());
    const match = exact ? null : world.context.plans.match(wordsOf(normaliseQuestion(query)));
    const planId = exact?.id ?? (match?.kind === 'one' ? match.planId : null);
    if (!planId) {
      const names = world.plans.map((p) => p.id).join(', ');
      throw match?.kind === 'several'
        ? refusals.severalPlans(query, match.planIds.join(', '), "Please use the plan's id.")
        : refusals.noPlanCalled(query, names || 'none yet');
    }
    const plan = world.plans.find((p) => p.id === planId);
    if (!datesText) {
      const meetings = plan?.meetings ?? [];
      await turn.context.sendActivity(
        meetings.length === 0
          ? `No meeting dates are set for ${world.planName(planId)}. ${USAGE}`
          : `Meetings for ${world.planName(planId)}: ${meetings.map(formatDate).join(', ')}.`,
      );
      return;
    }
    assertMaySetMeetings(turn.person);
    const { dates, unreadable } = readMeetingDates(datesText, turn.now, turn.deps.config.TIMEZONE);
    if (unreadable.length > 0 || dates.length === 0) {
      throw new ValidationError(
        `I couldn't read ${unreadable.length > 0 ? unreadable.map((u) => `"${u}"`).join(', ') : 'any dates'} as a date, so nothing was changed. ${USAGE}`,
      );
    }
    const saved = await setMeetingDates(turn.deps.repos, planId, dates);
    turn.log.info({ planId, meetings: dates.length }, 'meeting dates set');
    await turn.context.sendActivity(
      `Done: meetings for ${world.planName(planId)} are ${(saved.meetings ?? []).map(formatDate).join(', ')}.`,
    );
  },
};
