import { buildNoticeCard } from '../../cards/notice-card';
import { VERBS } from '../../cards/verbs';
import { cancelImport } from '../../services/confirm-import';
import type { CardAction } from '../bot-turn';
import { cardText } from '../card-data';
import { requireImportAdmin } from '../files/admin-only';
import { previewSubject, settledCard } from './import-notices';

/** "Cancel" on an import preview: nothing is imported and the preview cannot be used again. */
export const cancelImportCardAction: CardAction = {
  verb: VERBS.cancelImport,
  run: async (turn, data) => {
    requireImportAdmin(turn);
    const result = await cancelImport(turn.deps.repos, {
      previewId: cardText(data.previewId),
      by: turn.person,
      now: turn.now,
    });
    if (!result.cancelled && result.settled) {
      return { card: settledCard(result.preview, result.settled, turn.deps.config.TIMEZONE) };
    }
    turn.log.info({ preview: result.preview.id }, 'import cancelled');
    return {
      card: buildNoticeCard({
        title: `Cancelled: ${previewSubject(result.preview)}`,
        lines: [`Nothing was imported from ${result.preview.fileName}.`],
        style: 'default',
      }),
    };
  },
};
