import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { buildAppPackage, renderManifest } from '../../src/package/build-app-package';
import { appIdFromBotId } from '../../src/package/placeholders';
import { bundledSchemaPath, COMMAND_LIMITS } from '../../src/package/validate-manifest';
import { BOT_ID, env, manifestDir, useTempDir } from './helpers';

// strip-bom 5 (used by @microsoft/app-manifest to read manifest files, which these tests never
// ask it to do) is ESM-only, and jest cannot require ESM on Node 20.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const tempDir = useTempDir();

async function readZip(file: string) {
  const zip = await JSZip.loadAsync(await readFile(file));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  return { zip, manifest };
}

describe('buildAppPackage', () => {
  it('writes a zip holding exactly manifest.json, color.png and outline.png at the root', async () => {
    const outFile = path.join(tempDir(), 'out', 'appPackage.zip');
    await expect(buildAppPackage({ env, manifestDir, outFile })).resolves.toBe(outFile);
    const { zip } = await readZip(outFile);
    const entries = Object.values(zip.files).map((entry) => entry.name);
    expect(entries.sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const icon = await zip.file('color.png')!.async('nodebuffer');
    expect(icon.equals(await readFile(path.join(manifestDir, 'color.png')))).toBe(true);
  });

  it('fills the manifest from the settings, and it passes its bundled schema offline', async () => {
    const outFile = path.join(tempDir(), 'appPackage.zip');
    await buildAppPackage({ env, manifestDir, outFile, defaultVersion: '2.3.4' });
    const { manifest } = await readZip(outFile);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.id).toBe(appIdFromBotId(BOT_ID));
    expect(manifest.version).toBe('2.3.4');
    expect(manifest.validDomains).toEqual(['apb-council.azurewebsites.net']);
    expect(manifest.developer).toMatchObject({
      name: 'Action Plan Bot',
      websiteUrl: 'https://apb-council.azurewebsites.net',
      privacyUrl: 'https://apb-council.azurewebsites.net/privacy',
      termsOfUseUrl: 'https://apb-council.azurewebsites.net/terms',
    });
    expect(manifest.name.short).toBe('Action Plan Bot');

    const schemaFile = bundledSchemaPath(manifest.$schema)!;
    expect(schemaFile).toMatch(/v1\.30[\\/]MicrosoftTeams\.schema\.json$/);
    const schema = JSON.parse(await readFile(schemaFile, 'utf8'));
    await expect(
      AppManifestUtils.validateAgainstSchema(manifest as AppManifest, schema),
    ).resolves.toEqual([]);
  });

  it('uses the app id, version, links and name suffix given in the settings', async () => {
    const { manifest } = await renderManifest({
      manifestDir,
      env: {
        ...env,
        TEAMS_APP_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
        APP_VERSION: '1.4.0',
        APP_PRIVACY_URL: 'https://www.example.gov.uk/privacy-notice',
        APP_NAME_SUFFIX: ' (test)',
      },
    });
    expect(manifest).toMatchObject({
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      version: '1.4.0',
      developer: { privacyUrl: 'https://www.example.gov.uk/privacy-notice' },
      name: { short: 'Action Plan Bot (test)' },
    });
  });

  it('offers the commands the bot answers, in every scope, within Teams limits', async () => {
    const { manifest } = await renderManifest({ env, manifestDir });
    const bot = manifest.bots![0] as { scopes: string[] } & NonNullable<typeof manifest.bots>[0];
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const lists = bot.commandLists!;
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
    expect(lists[0].commands!.map((c) => c.title)).toEqual([
      'help',
      'my actions',
      'summary',
      'summary of one plan',
      'overdue',
      'one action',
      'assign a post',
    ]);
    for (const list of lists.slice(1)) {
      expect(list.commands!.map((c) => c.title)).toEqual([
        'help',
        'summary',
        'summary of one plan',
        'overdue',
        'one action',
      ]);
    }
    for (const list of lists) {
      expect(list.commands!.length).toBeLessThanOrEqual(COMMAND_LIMITS.commands);
      for (const command of list.commands!) {
        expect(command.title!.length).toBeLessThanOrEqual(COMMAND_LIMITS.title);
        expect(command.description!.length).toBeGreaterThan(0);
        expect(command.description!.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
        // Plain words: no <plan>-style placeholders in what people read.
        expect(`${command.title} ${command.description}`).not.toMatch(/[<>]/);
      }
    }
  });
});
