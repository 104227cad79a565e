import { formatInstant } from '../../cards/format';
import { buildNoticeCard } from '../../cards/notice-card';
import type { AdaptiveCard } from '../../cards/render';
import type { ImportPreview } from '../../services/preview-import';
import type { PreviewSettled } from '../../services/settle-preview';

/** What the preview is of, in words: the plan's title or "the people file". */
export function previewSubject(preview: ImportPreview): string {
  return preview.kind === 'plan' ? preview.payload.imported.plan.title : 'the people file';
}

/** The card shown instead of a preview somebody has already imported, cancelled or claimed. */
export function settledCard(
  preview: ImportPreview,
  settled: PreviewSettled,
  timezone: string,
): AdaptiveCard {
  const when = formatInstant(settled.at, timezone);
  const line =
    settled.state === 'imported'
      ? `${settled.byName} imported it on ${when}. Nothing more was done.`
      : settled.state === 'cancelled'
        ? `${settled.byName} cancelled it on ${when}, so nothing was imported. Send the file again to start over.`
        : `${settled.byName} started importing it on ${when}. Nothing more was done: check the plan's summary in a minute.`;
  return buildNoticeCard({
    title: `${preview.fileName}: ${previewSubject(preview)}`,
    lines: [line],
    style: settled.state === 'cancelled' ? 'default' : 'good',
  });
}
