import type { IncomingMessage } from 'node:http';

/** Why a request body was refused: the HTTP status and a specific message for the caller. */
export interface BodyRefusal {
  status: 400 | 408 | 413 | 415;
  error: string;
}

/** A body read in full, or why it was refused. */
export type BodyResult = { ok: true; bytes: Buffer } | { ok: false; refusal: BodyRefusal };

/** What a route accepts. */
export interface BodyRules {
  /** Most bytes accepted; the body is never inflated, so this is what is held in memory. */
  maxBytes: number;
  /** Media types accepted when there is a body (`application/json`); none means any. */
  mediaTypes?: readonly string[];
  /** How long the whole body may take to arrive, so a trickling client cannot hold a turn. */
  timeoutMs: number;
}

const refuse = (status: BodyRefusal['status'], error: string): BodyResult => ({
  ok: false,
  refusal: { status, error },
});

/**
 * Problems visible in the headers alone, checked before a byte of the body is read. Compressed
 * bodies are refused outright: Bot Framework never compresses, and inflating before the caller
 * is authenticated is how a small request becomes gigabytes.
 */
export function headerProblem(req: IncomingMessage, rules: BodyRules): BodyRefusal | null {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    return {
      status: 415,
      error: `Content-Encoding "${encoding.slice(0, 40)}" is not accepted. Send the body uncompressed.`,
    };
  }
  const length = req.headers['content-length'];
  if (length !== undefined && Number(length) > rules.maxBytes) {
    return { status: 413, error: `The body is larger than ${rules.maxBytes} bytes.` };
  }
  const hasBody = (length !== undefined && length !== '0') || !!req.headers['transfer-encoding'];
  if (hasBody && rules.mediaTypes) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (!rules.mediaTypes.includes(type)) {
      return {
        status: 415,
        error: `Content-Type must be ${rules.mediaTypes.join(' or ')}${type ? `, not "${type.slice(0, 60)}"` : ''}.`,
      };
    }
  }
  return null;
}

/**
 * Reads a request body within the rules. Never rejects and never leaves an error unhandled: a
 * client that aborts, lies about its length or sends too much gets a refusal, and the stream
 * is paused so nothing more is buffered.
 */
export function readBody(req: IncomingMessage, rules: BodyRules): Promise<BodyResult> {
  const problem = headerProblem(req, rules);
  if (problem) return Promise.resolve({ ok: false, refusal: problem });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const timer = setTimeout(
      () => finish(refuse(408, 'The body took too long to arrive.')),
      rules.timeoutMs,
    );
    const finish = (result: BodyResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      // Stop buffering a refused body; the 'error' listener stays, since a reset socket can
      // still raise one after this.
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > rules.maxBytes) {
        finish(refuse(413, `The body is larger than ${rules.maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, bytes: Buffer.concat(chunks, size) });
    const onClose = (): void => {
      if (!req.complete) finish(refuse(400, 'The body ended before it was complete.'));
    };
    req.on('error', () => finish(refuse(400, 'The body could not be read.')));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a JSON body: UTF-8 only (RFC 8259), parsed once, never inflated. The parsed value may
 * be anything JSON allows; the caller checks its shape.
 */
export async function readJsonBody(
  req: IncomingMessage,
  rules: BodyRules,
): Promise<{ ok: true; value: unknown } | { ok: false; refusal: BodyRefusal }> {
  const read = await readBody(req, rules);
  if (!read.ok) return read;
  let text: string;
  try {
    text = utf8.decode(read.bytes);
  } catch {
    return { ok: false, refusal: { status: 400, error: 'The body is not valid UTF-8.' } };
  }
  if (text.trim() === '') {
    return { ok: false, refusal: { status: 400, error: 'The body is empty.' } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, refusal: { status: 400, error: 'The body is not valid JSON.' } };
  }
}
