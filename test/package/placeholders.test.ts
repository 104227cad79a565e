import { AppPackageError } from '../../src/package/app-package-error';
import {
  appIdFromBotId,
  fillPlaceholders,
  isGuid,
  placeholderFields,
  placeholderValues,
} from '../../src/package/placeholders';
import { fieldPath } from '../../src/package/validate-manifest';

// strip-bom 5 (used by @microsoft/app-manifest to read manifest files, which these tests never
// ask it to do) is ESM-only, and jest cannot require ESM on Node 20.
jest.mock('strip-bom', () => ({
  __esModule: true,
  default: (text: string) => text.replace(/^\uFEFF/, ''),
}));

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('appIdFromBotId', () => {
  it('gives the same version-5 GUID for the same bot, whatever the case', () => {
    const id = appIdFromBotId(BOT_ID);
    expect(isGuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect('89ab').toContain(id[19]);
    expect(appIdFromBotId(BOT_ID.toUpperCase())).toBe(id);
    expect(id).not.toBe(BOT_ID);
  });

  it('gives different bots different app ids', () => {
    expect(appIdFromBotId(BOT_ID)).not.toBe(appIdFromBotId('3f2504e0-4f89-41d3-9a0c-0305e82c3302'));
  });
});

describe('placeholderValues', () => {
  const domain = 'apb-council.azurewebsites.net';

  it('takes the bot id from MicrosoftAppId and derives the rest', () => {
    expect(
      placeholderValues({ MicrosoftAppId: ` ${BOT_ID} `, BOT_DOMAIN: domain }, '0.3.0'),
    ).toEqual({
      BOT_ID,
      BOT_DOMAIN: domain,
      TEAMS_APP_ID: appIdFromBotId(BOT_ID),
      APP_VERSION: '0.3.0',
      APP_WEBSITE_URL: `https://${domain}`,
      APP_PRIVACY_URL: `https://${domain}/privacy`,
      APP_TERMS_URL: `https://${domain}/terms`,
      APP_NAME_SUFFIX: '',
    });
  });

  it('accepts the toolkit BOT_ID when MicrosoftAppId is not set, and refuses the two differing', () => {
    expect(placeholderValues({ BOT_ID, BOT_DOMAIN: domain }).BOT_ID).toBe(BOT_ID);
    expect(() =>
      placeholderValues({ BOT_ID, MicrosoftAppId: appIdFromBotId(BOT_ID), BOT_DOMAIN: domain }),
    ).toThrow(/MicrosoftAppId .* and BOT_ID .* differ/);
  });

  it('lists every missing setting at once', () => {
    let error: unknown;
    try {
      placeholderValues({ MicrosoftAppId: '  ' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppPackageError);
    expect((error as AppPackageError).problems).toEqual([
      expect.stringMatching(/^MicrosoftAppId is not set — set it in \.env/),
      expect.stringMatching(/^BOT_DOMAIN is not set/),
    ]);
    expect((error as Error).message).toContain(
      'The Teams app package was not built:\n  - MicrosoftAppId',
    );
  });
});

describe('fillPlaceholders', () => {
  it('escapes values for JSON and falls back to the environment', () => {
    const template = '{"a":"${{A}}","b":"x${{ B }}y"}';
    expect(JSON.parse(fillPlaceholders(template, { A: 'say "hi"\\' }, { B: '-' }))).toEqual({
      a: 'say "hi"\\',
      b: 'x-y',
    });
  });

  it('names each placeholder without a value', () => {
    expect(() => fillPlaceholders('"${{ONE}} ${{TWO}} ${{ONE}}"', {})).toThrow(
      /uses \$\{\{ONE\}\} but ONE is not set[\s\S]*uses \$\{\{TWO\}\} but TWO is not set/,
    );
  });
});

describe('placeholderFields and fieldPath', () => {
  it('maps manifest fields to their placeholders in the dotted form of schema errors', () => {
    const fields = placeholderFields({
      id: '${{TEAMS_APP_ID}}',
      bots: [{ botId: '${{BOT_ID}}', scopes: ['personal'] }],
      name: { short: 'Bot${{APP_NAME_SUFFIX}}' },
    });
    expect([...fields]).toEqual([
      ['id', ['TEAMS_APP_ID']],
      ['bots[0].botId', ['BOT_ID']],
      ['name.short', ['APP_NAME_SUFFIX']],
    ]);
    expect(fieldPath('/bots/0/botId')).toBe('bots[0].botId');
    expect(fieldPath('/a~1b/c~0d')).toBe('a/b.c~d');
    expect(fieldPath('')).toBe('manifest');
  });
});
