import { VERBS } from '../../cards/verbs';
import { openPreview, settledState } from '../../services/settle-preview';
import type { CardAction } from '../bot-turn';
import { cardText } from '../card-data';
import { requireImportAdmin } from '../files/admin-only';
import { previewCard } from '../files/preview-card';
import { settledCard } from './import-notices';

/** "Show next 10" on an import preview: the next page of actions, keeping what was typed. */
export const previewPageCardAction: CardAction = {
  verb: VERBS.previewPage,
  run: async (turn, data) => {
    requireImportAdmin(turn);
    const preview = await openPreview(turn.deps.repos, cardText(data.previewId), turn.now);
    const settled = settledState(preview, turn.now);
    if (settled) return { card: settledCard(preview, settled, turn.deps.config.TIMEZONE) };
    const page = Number(cardText(data.page) || '0');
    return { card: await previewCard(turn, preview, page, data) };
  },
};
