import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort } from '../../src/util/net';
import { TestConnector } from '../support/connector';
import { testConnectionString } from '../support/store';
import { sendRaw, type RawRequest } from '../support/raw-request';

const SECRET = 'jobs-secret-for-hostile-bodies-01';
const ACTIVITY = JSON.stringify({ type: 'typing', channelId: 'msteams' });

/** Every malformed body shape, for one method and path. */
function shapes(method: string, target: string): [string, RawRequest][] {
  const line = `${method} ${target} HTTP/1.1`;
  const host = 'Host: 127.0.0.1';
  const auth = `Authorization: Bearer ${SECRET}`;
  const json = 'Content-Type: application/json';
  const framed = (body: Buffer, ...headers: string[]): RawRequest => ({
    head: [line, host, auth, ...headers, `Content-Length: ${body.length}`],
    body,
  });
  const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
  const notGzip = Buffer.from('this is not gzip at all');
  return [
    ['gzip that is not gzip', framed(notGzip, json, 'Content-Encoding: gzip')],
    ['a gzip bomb (64 MB inflated)', framed(bomb, json, 'Content-Encoding: gzip')],
    ['deflate', framed(zlib.deflateSync(ACTIVITY), json, 'Content-Encoding: deflate')],
    ['brotli', framed(zlib.brotliCompressSync(ACTIVITY), json, 'Content-Encoding: br')],
    ['two encodings', framed(notGzip, json, 'Content-Encoding: gzip, identity')],
    ['an unknown encoding', framed(notGzip, json, 'Content-Encoding: x-made-up')],
    [
      'a truncated body',
      {
        head: [line, host, auth, json, 'Content-Length: 5000'],
        body: Buffer.from('{"type":"mess'),
        hangUpAfterMs: 200,
      },
    ],
    [
      'chunked without an end',
      {
        head: [line, host, auth, json, 'Transfer-Encoding: chunked'],
        body: Buffer.from('5\r\n{"typ\r\n'),
        hangUpAfterMs: 200,
      },
    ],
    [
      'a malformed chunk',
      {
        head: [line, host, auth, json, 'Transfer-Encoding: chunked'],
        body: Buffer.from('zz\r\nnot a chunk\r\n0\r\n\r\n'),
      },
    ],
    [
      'a 2 MB chunked body',
      {
        head: [line, host, auth, json, 'Transfer-Encoding: chunked'],
        body: Buffer.concat([
          Buffer.from(`${(2 * 1024 * 1024).toString(16)}\r\n`),
          Buffer.alloc(2 * 1024 * 1024, 0x61),
          Buffer.from('\r\n0\r\n\r\n'),
        ]),
      },
    ],
    ['a 2 MB declared body', framed(Buffer.alloc(2 * 1024 * 1024, 0x61), json)],
    ['plain text', framed(Buffer.from('hello'), 'Content-Type: text/plain')],
    ['a form', framed(Buffer.from('a=1&b=2'), 'Content-Type: application/x-www-form-urlencoded')],
    [
      'multipart',
      framed(
        Buffer.from('--x\r\n\r\nhi\r\n--x--'),
        'Content-Type: multipart/form-data; boundary=x',
      ),
    ],
    ['no content type', framed(Buffer.from(ACTIVITY))],
    ['a 64 KB header', framed(Buffer.from(ACTIVITY), json, `X-Padding: ${'p'.repeat(65_536)}`)],
    ['invalid JSON', framed(Buffer.from('{"type":'), json)],
    ['invalid UTF-8', framed(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), json)],
    ['a JSON array', framed(Buffer.from('[1,2,3]'), json)],
    ['a JSON string', framed(Buffer.from('"message"'), json)],
    ['JSON null', framed(Buffer.from('null'), json)],
    ['deeply nested JSON', framed(Buffer.from(`${'['.repeat(50_000)}${']'.repeat(50_000)}`), json)],
    ['an empty object', framed(Buffer.from('{}'), json)],
    [
      'a lying Content-Length',
      { head: [line, host, auth, json, 'Content-Length: 3'], body: Buffer.from(ACTIVITY) },
    ],
    ['two Content-Lengths', framed(Buffer.from('{}'), json, 'Content-Length: 99')],
  ];
}

const ROUTES: [string, string][] = [
  ['POST', '/api/messages'],
  ['POST', '/api/jobs/nudges?dryRun=true&at=2026-11-30T09:00:00Z'],
  ['POST', '/api/jobs/unknown'],
  ['GET', '/healthz'],
  ['POST', '/healthz'],
  ['POST', '/no-such-route'],
];

function rssMegabytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

describe('the real process survives every malformed body at every route', () => {
  let child: ChildProcess;
  let connector: TestConnector;
  let port = 0;
  let output = '';

  beforeAll(async () => {
    connector = new TestConnector({ members: [] });
    await connector.start();
    port = await freePort();
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apb-hostile-'));
    child = spawn(process.execPath, [path.join(__dirname, '../../bin/start.js')], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        TABLES_CONNECTION_STRING: testConnectionString(),
        TABLE_PREFIX: `hb${randomBytes(4).toString('hex')}`,
        PORT: String(port),
        SCHEDULER: 'false',
        JOBS_SECRET: SECRET,
        BODY_TIMEOUT_SECONDS: '2',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 60_000;
    while (!output.includes('"msg":"bot listening"')) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`the bot did not start: ${output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 90_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await connector.stop();
  });

  const healthy = async (): Promise<void> => {
    expect(child.exitCode).toBeNull();
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  };

  for (const [method, target] of ROUTES) {
    it(`${method} ${target.split('?')[0]}: refused with a 4xx or a closed connection, never a crash`, async () => {
      const startRss = rssMegabytes(child.pid ?? 0);
      for (const [name, request] of shapes(method, target)) {
        const status = await sendRaw(port, request);
        // A 2xx is fine only for routes that ignore bodies (GET /healthz answers before reading).
        if (status !== null && status >= 500) {
          throw new Error(`${name}: answered ${status}\n${output.slice(-2000)}`);
        }
        if (child.exitCode !== null) throw new Error(`${name}: the process ended\n${output}`);
        await healthy();
      }
      // Nothing was inflated or buffered beyond the limits.
      expect(rssMegabytes(child.pid ?? 0) - startRss).toBeLessThan(150);
    }, 120_000);
  }

  it('refuses compressed activities with 415 and says to send them uncompressed', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
        body: zlib.gzipSync(ACTIVITY),
      });
      expect(response.status).toBe(415);
      expect(response.headers.get('accept-encoding')).toBe('identity');
      expect(((await response.json()) as { error: string }).error).toMatch(
        new RegExp(`Content-Encoding "${encoding}" is not accepted`),
      );
    }
  });

  it('answers 408 to a body that stalls, and keeps serving meanwhile', async () => {
    const stalled = sendRaw(port, {
      head: [
        'POST /api/messages HTTP/1.1',
        'Host: 127.0.0.1',
        'Content-Type: application/json',
        'Content-Length: 100',
      ],
      body: Buffer.from('{"type":'),
    });
    await healthy();
    expect(await stalled).toBe(408);
  });

  it('refuses oversized, non-JSON and non-object bodies with specific messages', async () => {
    const post = async (body: string | Uint8Array<ArrayBuffer>, type = 'application/json') => {
      const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': type },
        body,
      });
      return {
        status: response.status,
        error: ((await response.json()) as { error: string }).error,
      };
    };
    expect(await post('x'.repeat(600 * 1024))).toEqual({
      status: 413,
      error: expect.stringMatching(/larger than 524288 bytes/),
    });
    expect(await post('hello', 'text/plain')).toEqual({
      status: 415,
      error: 'Content-Type must be application/json, not "text/plain".',
    });
    expect(await post('{"type":')).toEqual({ status: 400, error: 'The body is not valid JSON.' });
    expect(await post(new Uint8Array([0x22, 0xff, 0x22]))).toEqual({
      status: 400,
      error: 'The body is not valid UTF-8.',
    });
    expect(await post('[1]')).toEqual({
      status: 400,
      error: 'The request body must be a JSON activity object.',
    });
  });

  it('is still up and still handles a real activity after all of it', async () => {
    await healthy();
    const response = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'typing',
        id: 'typing-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:someone' },
        recipient: { id: '28:action-plan-bot' },
        conversation: { id: 'a:personal-someone' },
      }),
    });
    expect(response.status).toBe(200);
    expect(output).not.toMatch(/Unhandled 'error' event|uncaughtException/);
  });
});
