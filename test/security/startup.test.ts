import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Request, Response } from 'restify';
import { createLogger } from '../../src/logging/logger';
import { jobsHandler } from '../../src/server/jobs-route';
import type { JobReport } from '../../src/jobs';

const START = path.join(__dirname, '../../bin/start.js');

/** Runs the real entry point with only the given settings; resolves when it exits. */
function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  // An empty working folder, so no .env of a developer's checkout is read.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'apb-start-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [START], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`start.js did not exit: ${stderr}`));
    }, 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

const production = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'app-password',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
  // A closed port: the process must fail on its settings before it tries storage.
  TABLES_CONNECTION_STRING:
    'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;',
};

describe('the entry point refuses unsafe settings', () => {
  it('will not listen beyond loopback without an app id', async () => {
    const { code, stderr } = await runStart({ HOST: '0.0.0.0' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/HOST: 0\.0\.0\.0 is not a loopback address/);
    expect(stderr).toMatch(/Set MicrosoftAppId/);
  });

  it('will not run in production without a long JOBS_SECRET', async () => {
    const missing = await runStart(production);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/JOBS_SECRET: required when MicrosoftAppId is set/);
    const short = await runStart({ ...production, JOBS_SECRET: 'short' });
    expect(short.code).not.toBe(0);
    expect(short.stderr).toMatch(/JOBS_SECRET: must be at least 16 characters/);
  });
});

describe('the jobs secret check', () => {
  function call(secret: string | undefined, authorization: string | undefined) {
    const runJob = jest.fn(async () => ({ ran: true }) as unknown as JobReport);
    const sent: { status?: number; body?: unknown } = {};
    const req = {
      header: (name: string) => (name === 'authorization' ? authorization : undefined),
      params: { name: 'nudges' },
      query: {},
    } as unknown as Request;
    const res = {
      send: (status: number, body: unknown) => Object.assign(sent, { status, body }),
    } as unknown as Response;
    const handler = jobsHandler(secret, runJob, createLogger('silent'), () => new Date());
    return { run: () => handler(req, res), sent, runJob };
  }

  it('compares the bearer in constant time, over digests of equal length', async () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    const secret = 'a-long-random-jobs-secret';
    for (const given of ['x', 'a-long-random-jobs-secreT', `${secret}${'y'.repeat(500)}`]) {
      const attempt = call(secret, `Bearer ${given}`);
      await attempt.run();
      expect(attempt.sent.status).toBe(401);
      expect(attempt.runJob).not.toHaveBeenCalled();
    }
    const right = call(secret, `Bearer ${secret}`);
    await right.run();
    expect(right.sent.status).toBe(200);
    expect(compare).toHaveBeenCalledTimes(4);
    for (const [a, b] of compare.mock.calls) {
      expect((a as Buffer).length).toBe(32);
      expect((b as Buffer).length).toBe(32);
    }
    compare.mockRestore();
  });

  it('refuses every call when no secret is configured, even an empty bearer', async () => {
    for (const header of [undefined, 'Bearer ', 'Bearer undefined', 'Bearer null']) {
      const attempt = call(undefined, header);
      await attempt.run();
      expect(attempt.sent.status).toBe(401);
      expect(attempt.runJob).not.toHaveBeenCalled();
    }
  });
});
