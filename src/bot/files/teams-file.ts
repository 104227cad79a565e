import type { Activity } from 'botbuilder';

/** The attachment type Teams uses for a file sent to a bot in a personal chat. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** A file someone sent to the bot, as Teams describes it. */
export interface TeamsFile {
  name: string;
  downloadUrl: string;
  /** The extension Teams reports ("docx"); only a hint: the bytes decide. */
  fileType: string;
}

/**
 * The files attached to a message. Teams sends each as a download-info attachment with a
 * short-lived, pre-authorised link; anything else (images pasted inline, cards) is not a file.
 */
export function teamsFiles(activity: Partial<Activity>): TeamsFile[] {
  return (activity.attachments ?? []).flatMap((attachment) => {
    if (attachment.contentType !== FILE_DOWNLOAD_INFO) return [];
    const content = (attachment.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
    const name = typeof attachment.name === 'string' ? attachment.name.trim() : '';
    if (typeof content.downloadUrl !== 'string' || name === '') return [];
    return [
      {
        name: name.slice(0, 200),
        downloadUrl: content.downloadUrl,
        fileType: typeof content.fileType === 'string' ? content.fileType : '',
      },
    ];
  });
}

// Files shared in a channel or group chat reach a bot as links to SharePoint ("reference").
const FILE_TYPES = new Set([FILE_DOWNLOAD_INFO, 'reference']);

/** True when a message carries a file in any of the shapes Teams uses (even a damaged one). */
export function hasFileAttachment(activity: Partial<Activity>): boolean {
  return (activity.attachments ?? []).some((a) => FILE_TYPES.has(a.contentType));
}
