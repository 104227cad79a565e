import { buildImportDoneCard } from '../../cards/import-done-card';
import { buildSummaryCard } from '../../cards/summary-card';
import { holderInputIds, VERBS } from '../../cards/verbs';
import { confirmImport } from '../../services/confirm-import';
import { sendCard, type CardAction } from '../bot-turn';
import { cardText } from '../card-data';
import { requireImportAdmin } from '../files/admin-only';
import { settledCard } from './import-notices';

/**
 * "Import" on a preview: stores the plan or the people once (two admins pressing at once
 * import once), assigns the posts given holders, then answers with the plan's summary and the
 * offer to send each owner their actions.
 */
export const confirmImportCardAction: CardAction = {
  verb: VERBS.confirmImport,
  run: async (turn, data) => {
    requireImportAdmin(turn);
    const previewId = cardText(data.previewId);
    const result = await confirmImport(turn.deps.repos, {
      previewId,
      by: turn.person,
      holderValue: (i) => {
        const ids = holderInputIds(i);
        return cardText(data[ids.picker]) || cardText(data[ids.email]);
      },
      now: turn.now,
      timezone: turn.deps.config.TIMEZONE,
    });
    const timezone = turn.deps.config.TIMEZONE;
    if (result.status === 'settled') {
      turn.log.info({ preview: previewId, state: result.settled.state }, 'import already settled');
      return { card: settledCard(result.preview, result.settled, timezone) };
    }
    turn.log.info({ preview: previewId, kind: result.preview.kind }, 'import confirmed');
    if (result.people) {
      const { added, changed, unchanged } = result.people;
      return {
        card: buildImportDoneCard({
          heading: `Imported the people file ${result.preview.fileName}`,
          lines: [`${added} added, ${changed} changed, ${unchanged} left as they were.`],
          offer: null,
        }),
      };
    }
    const outcome = result.plan!;
    if (outcome.summary)
      await sendCard(turn.context, buildSummaryCard({ summary: outcome.summary }));
    const lines = [
      `${outcome.created} added, ${outcome.updated} updated from ${result.preview.fileName}.`,
      ...(outcome.notInDocument.length > 0
        ? [
            `${outcome.notInDocument.length} stored actions were not in the document and are kept with their updates.`,
          ]
        : []),
      ...result.assigned.map((a) => `${a.post} is now held by ${a.holder}.`),
    ];
    return {
      card: buildImportDoneCard({
        heading: `Imported: ${outcome.title}`,
        lines,
        offer: { planId: outcome.planId, owners: outcome.owners },
      }),
    };
  },
};
