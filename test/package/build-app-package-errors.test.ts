import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildAppPackage, renderManifest } from '../../src/package/build-app-package';
import { BOT_ID, env, manifestDir, problemsOf, useTempDir } from './helpers';

// strip-bom 5 (used by @microsoft/app-manifest to read manifest files, which these tests never
// ask it to do) is ESM-only, and jest cannot require ESM on Node 20.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const tempDir = useTempDir();
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('buildAppPackage with bad settings or files', () => {
  it('refuses a missing MicrosoftAppId with a message saying where to set it, and writes no zip', async () => {
    const outFile = path.join(tempDir(), 'appPackage.zip');
    await writeFile(outFile, 'an old package');
    const problems = await problemsOf(
      buildAppPackage({ env: { BOT_DOMAIN: env.BOT_DOMAIN }, manifestDir, outFile }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^MicrosoftAppId is not set — set it in \.env/),
    ]);
    expect(await exists(outFile)).toBe(false);
  });

  it('names bots[0].botId and the setting behind it when the bot id is not a GUID', async () => {
    const outFile = path.join(tempDir(), 'appPackage.zip');
    const problems = await problemsOf(
      buildAppPackage({ env: { ...env, MicrosoftAppId: 'not-a-guid' }, manifestDir, outFile }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^bots\[0\]\.botId: must match pattern /);
    expect(problems[0]).toContain('MicrosoftAppId = "not-a-guid"');
    expect(await exists(outFile)).toBe(false);
  });

  it('names the app id when TEAMS_APP_ID is not a GUID', async () => {
    const problems = await problemsOf(
      renderManifest({ env: { ...env, TEAMS_APP_ID: 'my-app' }, manifestDir }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^id: must match pattern .*TEAMS_APP_ID = "my-app"/),
    ]);
  });

  it('refuses a missing or malformed BOT_DOMAIN', async () => {
    expect(
      await problemsOf(renderManifest({ env: { MicrosoftAppId: BOT_ID }, manifestDir })),
    ).toEqual([expect.stringMatching(/^BOT_DOMAIN is not set/)]);
    expect(
      await problemsOf(
        renderManifest({
          env: { ...env, BOT_DOMAIN: 'https://apb-council.azurewebsites.net/' },
          manifestDir,
        }),
      ),
    ).toEqual([
      expect.stringMatching(
        /^BOT_DOMAIN: "https:\/\/apb-council.azurewebsites.net\/" is not a host name/,
      ),
    ]);
  });

  it('refuses a version that is not semver and a plain-http link', async () => {
    const problems = await problemsOf(
      renderManifest({ env: { ...env, APP_VERSION: 'v2' }, manifestDir }),
    );
    expect(problems).toEqual([
      'version: "v2" must be MAJOR.MINOR.PATCH, for example 1.0.0 (set from APP_VERSION = "v2")',
    ]);
    expect(
      await problemsOf(
        renderManifest({
          env: { ...env, APP_WEBSITE_URL: 'http://www.example.gov.uk' },
          manifestDir,
        }),
      ),
    ).toEqual([
      'developer.websiteUrl: "http://www.example.gov.uk" must be an https:// address (set from APP_WEBSITE_URL = "http://www.example.gov.uk")',
    ]);
  });

  describe('with a changed manifest folder', () => {
    let copy: string;
    beforeEach(async () => {
      copy = path.join(tempDir(), 'manifest');
      await cp(manifestDir, copy, { recursive: true });
    });
    const editManifest = async (edit: (m: Record<string, unknown>) => void) => {
      const file = path.join(copy, 'manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      edit(manifest);
      await writeFile(file, JSON.stringify(manifest));
    };

    it('names a field the schema does not know', async () => {
      await editManifest((m) => {
        (m.developer as Record<string, unknown>).phone = '01234 567890';
      });
      expect(await problemsOf(renderManifest({ env, manifestDir: copy }))).toEqual([
        'developer: must NOT have additional properties ("phone")',
      ]);
    });

    it('names a placeholder that has no setting', async () => {
      await editManifest((m) => {
        m.accentColor = '${{ACCENT_COLOUR}}';
      });
      expect(await problemsOf(renderManifest({ env, manifestDir: copy }))).toEqual([
        'manifest.json uses ${{ACCENT_COLOUR}} but ACCENT_COLOUR is not set — set it in .env.',
      ]);
    });

    it('refuses a command list longer than Teams shows, and over-long titles', async () => {
      await editManifest((m) => {
        const [bot] = m.bots as { commandLists: { commands: { title: string }[] }[] }[];
        bot.commandLists[0].commands = Array.from({ length: 11 }, (_, i) => ({
          title: `command ${i}`,
        }));
        bot.commandLists[1].commands[0].title = 'a command title that is far too long';
      });
      expect(await problemsOf(renderManifest({ env, manifestDir: copy }))).toEqual([
        'bots[0].commandLists[0].commands: 11 commands — Teams shows at most 10',
        'bots[0].commandLists[1].commands[0].title: "a command title that is far too long" is longer than 32 characters',
      ]);
    });

    it('names an icon that is missing or the wrong size', async () => {
      await rm(path.join(copy, 'outline.png'));
      await cp(path.join(copy, 'color.png'), path.join(copy, 'outline.png'));
      await rm(path.join(copy, 'color.png'));
      const problems = await problemsOf(renderManifest({ env, manifestDir: copy }));
      expect(problems).toContain(`icons.color: color.png is not in ${copy}`);
      expect(problems).toContain('outline.png: is 192×192; the outline icon must be 32×32');
    });
  });
});
