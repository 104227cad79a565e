import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  downloadFile,
  DownloadError,
  type DownloadLimits,
} from '../../../src/bot/files/download-file';

const LIMITS: DownloadLimits = {
  maxBytes: 1000,
  timeoutMs: 5000,
  maxRedirects: 2,
  allowHttp: true,
};

describe('downloadFile', () => {
  let server: http.Server;
  let base = '';
  const hang: http.ServerResponse[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const hop = Number(url.searchParams.get('hop') ?? '0');
      if (url.pathname === '/small') return void res.end('hello');
      if (url.pathname === '/big') return void res.end(Buffer.alloc(1001));
      if (url.pathname === '/chunked') {
        res.writeHead(200);
        for (let i = 0; i < 20; i++) res.write(Buffer.alloc(100));
        return void res.end();
      }
      if (url.pathname === '/hang') return void hang.push(res);
      if (url.pathname === '/redirect') {
        const to = hop >= 3 ? '/small' : `/redirect?hop=${hop + 1}`;
        res.writeHead(302, { Location: to });
        return void res.end();
      }
      if (url.pathname === '/elsewhere') {
        res.writeHead(302, { Location: 'ftp://example.com/plan.docx' });
        return void res.end();
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of hang) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const reason = async (url: string, limits: DownloadLimits = LIMITS): Promise<string> => {
    try {
      await downloadFile(url, limits);
      return 'none';
    } catch (error) {
      return error instanceof DownloadError ? error.reason : `other: ${String(error)}`;
    }
  };

  it('returns the bytes', async () => {
    expect((await downloadFile(`${base}/small`, LIMITS)).toString()).toBe('hello');
  });

  it('refuses a file over the limit, declared or not', async () => {
    expect(await reason(`${base}/big`)).toBe('too-large');
    expect(await reason(`${base}/chunked`)).toBe('too-large');
  });

  it('follows redirects up to the limit only, and only to allowed links', async () => {
    expect(await reason(`${base}/redirect?hop=2`)).toBe('none');
    expect(await reason(`${base}/redirect`)).toBe('failed');
    expect(await reason(`${base}/elsewhere`)).toBe('refused');
  });

  it('refuses http links outside local mode, and links that are not links', async () => {
    expect(await reason(`${base}/small`, { ...LIMITS, allowHttp: false })).toBe('refused');
    expect(await reason('not a url')).toBe('refused');
  });

  it('gives up on a download that takes too long', async () => {
    expect(await reason(`${base}/hang`, { ...LIMITS, timeoutMs: 50 })).toBe('timeout');
  });

  it('says what the file store answered', async () => {
    await expect(downloadFile(`${base}/missing`, LIMITS)).rejects.toThrow('answered 404');
  });
});
