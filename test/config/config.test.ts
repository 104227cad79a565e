import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, settingsSchema } from '../../src/config/config';

const production = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
  JOBS_SECRET: 'a-long-random-jobs-secret',
};

describe('loadConfig', () => {
  it('has working defaults for local mode', () => {
    const config = loadConfig({});
    expect(config).toEqual(
      expect.objectContaining({
        localMode: true,
        embeddedStorage: true,
        host: '127.0.0.1',
        PORT: 3978,
        TIMEZONE: 'Europe/London',
        NUDGE_HOUR: 9,
        DIGEST_DAY: 'monday',
      }),
    );
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ PORT: '', TABLES_CONNECTION_STRING: ' ' }).embeddedStorage).toBe(true);
  });

  it('refuses to listen beyond loopback without an app id', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      /HOST: 0.0.0.0 is not a loopback address/,
    );
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('needs the secrets of production, and says which', () => {
    expect(loadConfig(production).host).toBe('0.0.0.0');
    expect(() => loadConfig({ ...production, JOBS_SECRET: '' })).toThrow(/JOBS_SECRET: required/);
    expect(() => loadConfig({ ...production, JOBS_SECRET: 'short' })).toThrow(/at least 16/);
    expect(() => loadConfig({ ...production, MicrosoftAppPassword: undefined })).toThrow(
      /MicrosoftAppPassword: required/,
    );
    expect(() => loadConfig({ ...production, MicrosoftAppTenantId: undefined })).toThrow(
      /MicrosoftAppTenantId: required for MicrosoftAppType=SingleTenant/,
    );
  });

  it('names each invalid setting with its description', () => {
    try {
      loadConfig({ PORT: 'abc', TIMEZONE: 'Mars/Olympus' });
      throw new Error('should have failed');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: .*Port the bot listens on/);
      expect(message).toMatch(/TIMEZONE: must be an IANA time zone/);
    }
  });

  it('documents every setting in .env.example', () => {
    const example = fs.readFileSync(path.join(__dirname, '../../.env.example'), 'utf8');
    for (const key of Object.keys(settingsSchema.shape)) {
      expect(example).toMatch(new RegExp(`^#?\\s*${key}=`, 'm'));
    }
  });
});
