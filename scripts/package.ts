/**
 * `npm run package`: builds build/appPackage.zip, the Teams app package, from manifest/ and the
 * settings in the environment or .env (MicrosoftAppId, BOT_DOMAIN, …). Exits 1 with the list
 * of problems, and no zip, if the manifest or icons would be refused.
 */
import path from 'node:path';
import { config } from 'dotenv';
import { AppPackageError } from '../src/package/app-package-error';
import { buildAppPackage } from '../src/package/build-app-package';
import { version } from '../package.json';

async function main(): Promise<void> {
  config({ quiet: true });
  const root = path.join(__dirname, '..');
  const outFile = await buildAppPackage({
    env: process.env,
    manifestDir: path.join(root, 'manifest'),
    outFile: path.join(root, 'build', 'appPackage.zip'),
    defaultVersion: version,
  });
  process.stdout.write(
    `Wrote ${path.relative(process.cwd(), outFile)}: upload it in Teams (Apps → Manage your apps → Upload an app) or the Teams admin centre.\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof AppPackageError ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
