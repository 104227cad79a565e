import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppPackageError } from '../../src/package/app-package-error';

/** The committed manifest folder. */
export const manifestDir = path.join(__dirname, '..', '..', 'manifest');

/** A bot id as an app registration gives it. */
export const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** The least a council has to set to build the package. */
export const env = { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'apb-council.azurewebsites.net' };

/** A fresh temp folder for each test, removed afterwards; call inside a describe or at top level. */
export function useTempDir(): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'app-package-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** The problems an AppPackageError lists; fails the test if the promise does not reject so. */
export async function problemsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppPackageError);
    return (error as AppPackageError).problems;
  }
  throw new Error('expected the package build to fail');
}
