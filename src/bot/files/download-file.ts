/** Bounds on fetching a file someone sent to the bot. */
export interface DownloadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** The whole download, headers and body, must finish within this many milliseconds. */
  timeoutMs: number;
  /** Most redirects followed. */
  maxRedirects: number;
  /** Whether plain http URLs are fetched (local mode only; Teams gives https links). */
  allowHttp: boolean;
}

/** Why a download failed, and what to tell the person. */
export class DownloadError extends Error {
  constructor(
    readonly reason: 'too-large' | 'timeout' | 'refused' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** A size as people read it: "20 MB", "512 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function checkUrl(raw: string, limits: DownloadLimits): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DownloadError('refused', 'The file came without a usable download link.');
  }
  const allowed = url.protocol === 'https:' || (limits.allowHttp && url.protocol === 'http:');
  if (!allowed) {
    throw new DownloadError('refused', 'The file came with a download link I may not follow.');
  }
  return url;
}

function tooLarge(limits: DownloadLimits): DownloadError {
  return new DownloadError(
    'too-large',
    `That file is too large: the most I can read is ${sizeText(limits.maxBytes)}. ` +
      'If it is a long committee pack, send just the pages with the action plan.',
  );
}

async function readBounded(response: Response, limits: DownloadLimits): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(limits);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Counted as it arrives: a server that lies about the length is stopped at the limit.
    if (total > limits.maxBytes) {
      await reader.cancel();
      throw tooLarge(limits);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * Fetches a file from the link Teams gave with it: within a size limit (checked against the
 * declared length and again while reading), a time limit for the whole download, and a bounded
 * number of redirects, each checked like the first link.
 */
export async function downloadFile(link: string, limits: DownloadLimits): Promise<Buffer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    let url = checkUrl(link, limits);
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { redirect: 'manual', signal: controller.signal });
      if (response.status >= 300 && response.status < 400) {
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (!location || hop >= limits.maxRedirects) {
          throw new DownloadError(
            'failed',
            'I could not download that file: its link kept redirecting. Please send it again.',
          );
        }
        url = checkUrl(new URL(location, url).toString(), limits);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new DownloadError(
          'failed',
          `I could not download that file (the server answered ${response.status}). ` +
            'Links to files expire quickly: please send it again.',
        );
      }
      return await readBounded(response, limits);
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    if (controller.signal.aborted) {
      throw new DownloadError(
        'timeout',
        `Downloading that file took longer than ${Math.round(limits.timeoutMs / 1000)} seconds, ` +
          'so I stopped. Please try again, or send a smaller file.',
      );
    }
    throw new DownloadError(
      'failed',
      'I could not download that file. Please send it again in a minute.',
    );
  } finally {
    clearTimeout(timer);
  }
}
