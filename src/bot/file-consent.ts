import type { Attachment, FileConsentCardResponse } from 'botbuilder';
import { canSignOff } from '../domain/permissions';
import { isPlanId } from '../import/preamble';
import { makeCommitteeReport, type CommitteeReportFile } from '../services/committee-report';
import type { BotTurn } from './bot-turn';

/** Teams' file consent card: asks the person to let the bot put a file in their OneDrive. */
export const FILE_CONSENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
/** Teams' card that shows a file the bot uploaded. */
export const FILE_INFO_TYPE = 'application/vnd.microsoft.teams.card.file.info';

// Uploads are answered in the same turn; Teams resends an invoke left for more than 15 s.
const UPLOAD_TIMEOUT_MS = 10_000;

/** The file consent card offering a committee report; the context names the plan. */
export function fileConsentAttachment(made: CommitteeReportFile, planId: string): Attachment {
  return {
    contentType: FILE_CONSENT_TYPE,
    name: made.fileName,
    content: {
      description: `Progress report on ${made.report.title}, ${made.report.dateText}`,
      sizeInBytes: made.bytes.length,
      acceptContext: { kind: 'committee-report', planId },
      declineContext: { kind: 'committee-report', planId },
    },
  };
}

/**
 * The person allowed the upload: the report is made again (with anything saved since), its
 * date recorded, the bytes put to the upload URL Teams gave, and a file card sent.
 */
export async function acceptReportUpload(
  turn: BotTurn,
  response: FileConsentCardResponse,
): Promise<void> {
  const context = (response.context ?? {}) as { planId?: unknown };
  const planId =
    typeof context.planId === 'string' && isPlanId(context.planId) ? context.planId : '';
  const upload = response.uploadInfo;
  const target = URL.canParse(upload?.uploadUrl ?? '') ? new URL(upload?.uploadUrl ?? '') : null;
  if (!planId || !target || !/^https?:$/.test(target.protocol)) {
    turn.log.warn({ hasPlan: Boolean(planId), hasUrl: Boolean(target) }, 'file consent refused');
    await turn.context.sendActivity('I could not tell which report that was. Please ask again.');
    return;
  }
  if (!canSignOff(turn.person)) {
    await turn.context.sendActivity('Committee reports are for chairs and admins.');
    return;
  }
  const made = await makeCommitteeReport(turn.deps.repos, planId, { now: turn.now });
  const size = made.bytes.length;
  let status = 0;
  try {
    const put = await fetch(target, {
      method: 'PUT',
      headers: {
        'Content-Length': String(size),
        'Content-Range': `bytes 0-${size - 1}/${size}`,
      },
      body: new Uint8Array(made.bytes),
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    status = put.status;
  } catch (error) {
    turn.log.warn({ err: (error as Error).name }, 'report upload failed');
  }
  turn.log.info({ planId, status, bytes: size }, 'report upload');
  if (status < 200 || status >= 300) {
    await turn.context.sendActivity(
      'Sorry, I could not save the report to your OneDrive just now. Please ask for it again.',
    );
    return;
  }
  await turn.context.sendActivity({
    type: 'message',
    text: `The progress report on ${made.report.title} is in your OneDrive.`,
    attachments: [
      {
        contentType: FILE_INFO_TYPE,
        contentUrl: upload?.contentUrl,
        name: upload?.name ?? made.fileName,
        content: { uniqueId: upload?.uniqueId, fileType: upload?.fileType ?? 'docx' },
      },
    ],
  });
}

/** The person declined the upload: nothing is recorded. */
export async function declineReportUpload(turn: BotTurn): Promise<void> {
  await turn.context.sendActivity(
    'All right, I have not saved the report. Ask again whenever you need it.',
  );
}
