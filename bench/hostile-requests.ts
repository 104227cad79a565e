// Hostile requests for bench:load: malformed, oversized and compressed bodies sent at a steady
// rate beside the simulated users, each on its own connection, written byte for byte.
import zlib from 'node:zlib';
import { sendRaw, type RawRequest } from '../test/support/raw-request';

interface HostileRequest extends RawRequest {
  name: string;
  body: Buffer;
}

/** What the hostile sender saw. */
export interface HostileStats {
  sent: number;
  /** Answers of 500 or more (503 from load shedding included): the goal is none. */
  serverErrors: number;
  /** Status counts, plus `closed` for connections closed without an answer. */
  answers: Record<string, number>;
}

const ACTIVITY = JSON.stringify({ type: 'typing', channelId: 'msteams' });

function shapes(): HostileRequest[] {
  const line = 'POST /api/messages HTTP/1.1';
  const host = 'Host: 127.0.0.1';
  const json = 'Content-Type: application/json';
  const framed = (name: string, body: Buffer, ...headers: string[]): HostileRequest => ({
    name,
    head: [line, host, ...headers, `Content-Length: ${body.length}`],
    body,
  });
  return [
    framed('bad gzip', Buffer.from('not gzip'), json, 'Content-Encoding: gzip'),
    framed(
      'gzip bomb',
      zlib.gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20)),
      json,
      'Content-Encoding: gzip',
    ),
    framed('deflate', zlib.deflateSync(ACTIVITY), json, 'Content-Encoding: deflate'),
    framed('brotli', zlib.brotliCompressSync(ACTIVITY), json, 'Content-Encoding: br'),
    framed('1 MB body', Buffer.alloc(1024 * 1024, 0x61), json),
    framed('invalid JSON', Buffer.from('{"type":'), json),
    framed('plain text', Buffer.from('hello'), 'Content-Type: text/plain'),
    framed('no recipient', Buffer.from(ACTIVITY), json),
    {
      name: 'truncated',
      head: [line, host, json, 'Content-Length: 4000'],
      body: Buffer.from('{"type":"mess'),
      hangUpAfterMs: 100,
    },
    {
      name: 'chunked without end',
      head: [line, host, json, 'Transfer-Encoding: chunked'],
      body: Buffer.from('5\r\n{"typ\r\n'),
      hangUpAfterMs: 100,
    },
  ];
}

/** Sends the hostile shapes in turn at `perSecond` until stopped; resolves with what it saw. */
export function startHostile(
  base: string,
  perSecond: number,
): { stop: () => Promise<HostileStats> } {
  const port = Number(new URL(base).port);
  const all = shapes();
  const stats: HostileStats = { sent: 0, serverErrors: 0, answers: {} };
  const pending = new Set<Promise<void>>();
  let next = 0;
  const timer = setInterval(
    () => {
      const request = all[next++ % all.length];
      stats.sent += 1;
      const sent = sendRaw(port, request).then((status) => {
        const key = status === null ? 'closed' : String(status);
        stats.answers[key] = (stats.answers[key] ?? 0) + 1;
        if (status !== null && status >= 500) stats.serverErrors += 1;
      });
      pending.add(sent);
      void sent.finally(() => pending.delete(sent));
    },
    Math.max(1, 1000 / perSecond),
  );
  return {
    stop: async () => {
      clearInterval(timer);
      await Promise.all(pending);
      return stats;
    },
  };
}
