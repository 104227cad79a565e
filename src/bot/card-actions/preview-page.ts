import { VERBS } from '../../cards/verbs';
import { openPreviewPage } from '../../services/preview-page';
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
    const timezone = turn.deps.config.TIMEZONE;
    const { settled, shown } = await openPreviewPage(
      turn.deps.repos,
      cardText(data.previewId),
      turn.now,
    );
    if (settled) return { card: settledCard(shown.preview, settled, timezone) };
    const page = Number(cardText(data.page) || '0');
    return { card: previewCard(shown, timezone, page, data) };
  },
};
