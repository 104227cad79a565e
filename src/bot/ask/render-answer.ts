import { buildActionListCard } from '../../cards/action-list-card';
import { buildAskChoicesCard } from '../../cards/ask-cards';
import { buildDigestCard } from '../../cards/digest-card';
import { buildOverdueCard } from '../../cards/overdue-card';
import { buildPlansListCard, buildSummaryCard } from '../../cards/summary-card';
import { readingLabels } from '../../ask/describe';
import type { Answer } from '../../services/answer-question';
import type { AskWorld } from '../../services/ask-world';
import type { CardJson } from '../bot-turn';
import { actionCardOf } from '../render-action';

/** The one-line answer, and the card that shows it (the same card as the matching command). */
export function renderAnswer(
  answer: Answer,
  world: AskWorld,
): { line: string; card: CardJson | null } {
  const { line } = answer;
  switch (answer.kind) {
    case 'summary':
      return {
        line,
        card: buildSummaryCard({ summary: answer.summary }),
      };
    case 'plans':
      return { line, card: buildPlansListCard({ plans: answer.plans }) };
    case 'overdue':
      return { line, card: buildOverdueCard(answer.list) };
    case 'list':
      return {
        line,
        card: buildActionListCard({
          heading: answer.heading,
          intro: line,
          list: answer.list,
        }),
      };
    case 'action':
      return { line, card: actionCardOf(answer.opened) };
    case 'changes':
      return { line, card: buildDigestCard(answer.view) };
    case 'choices':
      return {
        line,
        card: buildAskChoicesCard({
          heading: 'Which did you mean?',
          intro: line,
          readings: answer.readings.map((reading, i) => ({
            reading,
            title: readingLabels(answer.readings, world.planName)[i],
          })),
        }),
      };
    default:
      return { line, card: null };
  }
}
