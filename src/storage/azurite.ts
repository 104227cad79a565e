import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, isListening } from '../util/net';

/** A running Azurite table service and how to reach it. */
export interface AzuriteHandle {
  port: number;
  connectionString: string;
  /** Stops the service if this process is responsible for it; otherwise leaves it running. */
  stop(): Promise<void>;
}

/** Where Azurite keeps its data: a folder on disk, or memory only (tests). */
export type AzuriteLocation = { dataDir: string } | { inMemory: true };

interface LockFile {
  pid: number;
  port: number;
  ownerPid: number;
}

const ACCOUNT = 'devstoreaccount1';
const KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** The connection string for an Azurite table service on a loopback port. */
export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};` +
    `TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`
  );
}

function azuriteMain(): string {
  return path.join(path.dirname(require.resolve('azurite/package.json')), 'dist/src/table/main.js');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Azurite exited with code ${child.exitCode} before it was ready`);
    }
    if (await isListening(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Azurite did not start listening on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

async function stopPid(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  // SIGINT is Azurite's graceful shutdown: it saves its database first. SIGTERM would end it
  // at once and lose the last few seconds of writes.
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline && isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}

function readLock(file: string): LockFile | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockFile;
  } catch {
    return null;
  }
}

async function spawnAzurite(
  location: AzuriteLocation,
): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const args = [
    azuriteMain(),
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--silent',
    '--loose',
    '--skipApiVersionCheck',
    '--disableTelemetry',
  ];
  if ('inMemory' in location) args.push('--inMemoryPersistence');
  else args.push('--location', path.join(location.dataDir, 'azurite'));
  // Started with node directly (not npx) so the PID we hold is Azurite's own and stopping it
  // leaves no orphan behind.
  const child = spawn(process.execPath, args, { stdio: 'ignore', detached: false });
  await waitForPort(port, child, 15000);
  return { child, port };
}

/**
 * Starts (or joins) the embedded Azurite table service. With a data folder, a lock file in it
 * records the running instance so that the CLI and a running server share one Azurite process
 * instead of two processes writing the same files. The process that starts it, or that adopts
 * one whose owner has gone, is the one that stops it; a server adopts an instance a CLI started.
 */
export async function startAzurite(
  location: AzuriteLocation,
  options: { role?: 'server' | 'cli' } = {},
): Promise<AzuriteHandle> {
  if ('inMemory' in location) {
    const { child, port } = await spawnAzurite(location);
    return {
      port,
      connectionString: azuriteConnectionString(port),
      stop: () => stopPid(child.pid ?? -1),
    };
  }
  fs.mkdirSync(path.join(location.dataDir, 'azurite'), { recursive: true });
  const lockPath = path.join(location.dataDir, 'azurite.json');
  const existing = readLock(lockPath);
  let lock: LockFile;
  if (existing && isAlive(existing.pid) && (await isListening(existing.port))) {
    const ownerGone = !isAlive(existing.ownerPid);
    lock =
      ownerGone || options.role === 'server' ? { ...existing, ownerPid: process.pid } : existing;
  } else {
    if (existing && isAlive(existing.pid)) await stopPid(existing.pid);
    const { child, port } = await spawnAzurite(location);
    child.unref();
    lock = { pid: child.pid ?? -1, port, ownerPid: process.pid };
  }
  fs.writeFileSync(lockPath, JSON.stringify(lock));
  return {
    port: lock.port,
    connectionString: azuriteConnectionString(lock.port),
    async stop() {
      const current = readLock(lockPath);
      if (!current || current.ownerPid !== process.pid) return;
      await stopPid(current.pid);
      fs.rmSync(lockPath, { force: true });
    },
  };
}
