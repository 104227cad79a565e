import { hasRole } from '../../domain/person';
import { PLAN_FILE_TYPES } from '../../import/read-plan-file';
import { ImportError } from '../../import/types';
import { previewFile, recordFileNotRead } from '../../services/preview-import';
import { sendCard, type BotTurn } from '../bot-turn';
import { isPersonalChat } from '../identity';
import { requireImportAdmin } from './admin-only';
import { downloadFile, DownloadError } from './download-file';
import { previewCard } from './preview-card';
import { teamsFiles } from './teams-file';

/** The file types an admin may send, in words for messages. */
export const SENDABLE_TYPES = '.docx, .pdf, .xlsx, .csv or .txt';

const extensionOf = (name: string): string => /\.[^.]+$/.exec(name)?.[0].toLowerCase() ?? '';

/**
 * A file sent to the bot: in a personal chat from an admin, it is downloaded within limits,
 * read with the same importer as the command line and shown as a preview to confirm; nothing is
 * stored until then. Elsewhere, or from someone else, the bot says what to do instead.
 */
export async function receiveFile(turn: BotTurn): Promise<void> {
  const { context, deps, person } = turn;
  const files = teamsFiles(context.activity);
  const audit = (step: 'refused' | 'unreadable', fileName: string, detail: string) =>
    recordFileNotRead(deps.repos, { step, fileName, by: person, now: turn.now, detail });
  if (!isPersonalChat(context)) {
    await context.sendActivity(
      hasRole(person, 'admin')
        ? 'To import a plan or a people file, send it to me in a personal chat (open a chat ' +
            'with Action Plan Bot and attach it there). I cannot read files shared here.'
        : 'I cannot read files shared here. Plans are imported by admins in a personal chat with me.',
    );
    return;
  }
  if (!hasRole(person, 'admin')) {
    await audit('refused', files[0]?.name ?? '', 'not an admin');
    turn.log.info('file from a non-admin refused');
  }
  requireImportAdmin(turn);
  if (files.length === 0) {
    await context.sendActivity(
      'I could not open that attachment: Teams sent it without a download link. Please send the file again.',
    );
    return;
  }
  if (files.length > 1) {
    await context.sendActivity(
      'Please send one file at a time, so you can check each before importing.',
    );
    return;
  }
  const file = files[0];
  const accepted = [...new Set([...PLAN_FILE_TYPES, '.pdf'])];
  if (!accepted.includes(extensionOf(file.name))) {
    await audit('unreadable', file.name, 'file type not accepted');
    await context.sendActivity(
      `I cannot import ${file.name}: please send a plan or a people file as ${SENDABLE_TYPES}.`,
    );
    return;
  }
  await context.sendActivity({ type: 'typing' });
  let bytes: Buffer;
  try {
    bytes = await downloadFile(file.downloadUrl, {
      maxBytes: deps.config.FILE_MAX_MB * 1024 * 1024,
      timeoutMs: deps.config.FILE_DOWNLOAD_SECONDS * 1000,
      maxRedirects: deps.config.FILE_MAX_REDIRECTS,
      allowHttp: deps.config.localMode,
    });
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    turn.log.info({ reason: error.reason }, 'file download failed');
    await audit('unreadable', file.name, error.message);
    await context.sendActivity(`${error.message} Nothing was imported.`);
    return;
  }
  try {
    const shown = await previewFile(deps.repos, {
      messageKey: `${context.activity.conversation?.id ?? ''}|${context.activity.id ?? file.downloadUrl}`,
      fileName: file.name,
      bytes,
      by: person,
      now: turn.now,
      ttlHours: deps.config.PREVIEW_HOURS,
      timezone: deps.config.TIMEZONE,
    });
    turn.log.info({ kind: shown.preview.kind, preview: shown.preview.id }, 'file previewed');
    await sendCard(context, previewCard(shown, deps.config.TIMEZONE));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    turn.log.info('file could not be read');
    await context.sendActivity(
      `I could not read that file, so nothing was imported. ${error.message.replace(/\.$/, '')}. ` +
        `I can read plans and people files sent as ${SENDABLE_TYPES}.`,
    );
  }
}
