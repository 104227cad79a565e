import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { settingsSchema } from '../../src/config/config';

const root = path.join(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const bicep = read('infra/main.bicep');

/** Settings the code reads that the web app deliberately does not get, and why. */
const NOT_IN_AZURE: Record<string, string> = {
  PORT: 'App Service sets PORT itself and routes 443 to it',
  DATA_DIR: 'only for the embedded table store; Azure uses TABLES_CONNECTION_STRING',
  PLAYGROUND: 'the Agents Playground is a local tool',
  PLAYGROUND_PORT: 'the Agents Playground is a local tool',
  DEMO: 'demo data is for local trials, never the live store',
};
/** App Service's own settings, which the code does not read. */
const PLATFORM = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_RUN_FROM_PACKAGE'];

/** The text between `open` and its matching closing brace. */
function block(text: string, open: string): string {
  const start = text.indexOf(open);
  if (start < 0) throw new Error(`${open} not found`);
  let depth = 0;
  for (let i = start + open.length - 1; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start + open.length, i);
  }
  throw new Error(`${open} is not closed`);
}

/** `key: value` lines of a Bicep object body, comments left out. */
function entries(body: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*):\s*(.+?)\s*$/.exec(line.replace(/\s\/\/.*$/, ''));
    if (match) found.set(match[1], match[2]);
  }
  return found;
}

/** Default values of the template's parameters, as source text. */
const paramDefaults = new Map(
  [...bicep.matchAll(/^param (\w+) \w+ = (.+)$/gm)].map((m) => [m[1], m[2].trim()] as const),
);
const paramNames = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]);

const appSettings = entries(block(bicep, "name: 'appsettings'\n  properties: union({"));
const scheduleDefaults = entries(block(bicep, 'param schedule object = {'));
const allSettings = new Map([...appSettings, ...scheduleDefaults]);

/** The value a setting gets with every parameter left at its default. */
function defaultValue(expression: string): string | undefined {
  const literal = /^'(.*)'$/.exec(expression);
  if (literal) return literal[1];
  const ternary = /^(\w+) \? '(.*)' : '(.*)'$/.exec(expression);
  if (ternary) return paramDefaults.get(ternary[1]) === 'true' ? ternary[2] : ternary[3];
  const param = paramDefaults.get(expression);
  return param === undefined ? undefined : defaultValue(param);
}

describe('infra/main.bicep', () => {
  it('sets every setting the bot reads, except the local-only ones', () => {
    const read = Object.keys(settingsSchema.shape);
    const missing = read.filter((key) => !allSettings.has(key) && !(key in NOT_IN_AZURE));
    expect(missing).toEqual([]);
    for (const key of Object.keys(NOT_IN_AZURE)) {
      expect(read).toContain(key);
      expect(allSettings.has(key)).toBe(false);
    }
  });

  it('sets nothing the bot does not read, apart from App Service settings', () => {
    const unknown = [...allSettings.keys()].filter(
      (key) => !(key in settingsSchema.shape) && !PLATFORM.includes(key),
    );
    expect(unknown).toEqual([]);
  });

  it("defaults each setting to the bot's own default", () => {
    const defaults = settingsSchema.parse({}) as Record<string, unknown>;
    for (const [key, expression] of allSettings) {
      if (defaults[key] === undefined) continue;
      expect([key, defaultValue(expression)]).toEqual([key, String(defaults[key])]);
    }
    expect(defaultValue(appSettings.get('HOST')!)).toBe('0.0.0.0');
  });

  it('keeps secrets in secure parameters', () => {
    expect(appSettings.get('MicrosoftAppPassword')).toBe('botAppPassword');
    expect(appSettings.get('JOBS_SECRET')).toBe('jobsSecret');
    expect(bicep).toMatch(/@secure\(\)\n(@[^\n]+\n)*param botAppPassword string\n/);
    expect(bicep).toMatch(/@secure\(\)\n(@[^\n]+\n)*param jobsSecret string\n/);
    expect(appSettings.get('TABLES_CONNECTION_STRING')).toContain('storage.listKeys()');
    expect(bicep).not.toMatch(/^output .*(Password|Secret|CONNECTION_STRING|listKeys)/im);
  });

  it('runs Node 22 LTS on Linux, always on, HTTPS only, with the health check', () => {
    // Node.js 20 reached end of life in April 2026; the code still runs on 20 for development.
    expect(paramDefaults.get('linuxFxVersion')).toBe("'NODE|22-lts'");
    expect(bicep).toMatch(/kind: 'app,linux'/);
    expect(bicep).toMatch(/reserved: true/);
    expect(bicep).toMatch(/httpsOnly: true/);
    expect(bicep).toMatch(/alwaysOn: true/);
    expect(bicep).toMatch(/healthCheckPath: '\/healthz'/);
    expect(bicep).toMatch(/appCommandLine: 'node bin\/start\.js'/);
  });

  it('registers a single-tenant Azure Bot pointing at /api/messages, with the Teams channel', () => {
    expect(paramDefaults.get('botAppType')).toBe("'SingleTenant'");
    const bot = entries(block(bicep, "resource bot 'Microsoft.BotService/botServices@"));
    expect(bot.get('endpoint')).toBe("'https://${webApp.properties.defaultHostName}/api/messages'");
    expect(bot.get('msaAppId')).toBe('botAppId');
    expect(bot.get('msaAppType')).toBe('botAppType');
    expect(bot.get('msaAppTenantId')).toContain('botAppTenantId');
    expect(bicep).toMatch(/'Microsoft\.BotService\/botServices\/channels@[\d-]+'/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
  });
});

describe('infra/main.parameters.json', () => {
  const parameters = JSON.parse(read('infra/main.parameters.json')).parameters as Record<
    string,
    unknown
  >;

  it('gives only parameters the template has, and every one without a default', () => {
    expect(Object.keys(parameters).filter((name) => !paramNames.includes(name))).toEqual([]);
    const required = paramNames.filter((name) => !paramDefaults.has(name));
    expect(required.filter((name) => !(name in parameters))).toEqual([]);
  });
});

describe('m365agents.yml and env/.env.dev', () => {
  const yml = read('m365agents.yml');
  const envDev = read('env/.env.dev');
  const placeholders = (text: string) =>
    [...text.matchAll(/\$\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);

  it('point at files that exist', () => {
    const paths = [
      ...yml.matchAll(/(?:path|manifestPath|parameters|ignoreFile): (\.?\.?\/?[\w./-]+)$/gm),
    ];
    expect(paths.map((m) => m[1])).toEqual(
      expect.arrayContaining([
        './infra/main.bicep',
        './infra/main.parameters.json',
        './manifest/manifest.json',
      ]),
    );
    for (const [, file] of paths)
      expect([file, existsSync(path.join(root, file))]).toEqual([file, true]);
  });

  it('define every variable the toolkit will substitute', () => {
    const defined = new Set([
      ...[...envDev.matchAll(/^(\w+)=/gm)].map((m) => m[1]),
      // Values that provisioning writes back: writeToEnvironmentFile entries and Bicep outputs.
      ...[...yml.matchAll(/^\s+\w+: ([A-Z][A-Z0-9_]+)$/gm)].map((m) => m[1]),
      ...[...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]),
    ]);
    const used = [
      ...placeholders(yml),
      ...placeholders(read('infra/main.parameters.json')),
      ...placeholders(read('manifest/manifest.json')),
    ];
    // SECRET_ values live in env/.env.dev.user, which each council creates; .env.dev says how.
    const undefinedVars = [...new Set(used)].filter(
      (name) => !defined.has(name) && !name.startsWith('SECRET_'),
    );
    expect(undefinedVars).toEqual([]);
    expect(envDev).toContain('SECRET_JOBS_SECRET=');
  });

  it('deploy a zip with what the web app runs and without sources or secrets', () => {
    const ignored = read('.webappignore')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    for (const kept of ['/bin', '/dist', '/cards', '/node_modules', '/package.json']) {
      expect(ignored).not.toContain(kept);
    }
    expect(ignored).toEqual(expect.arrayContaining(['/.env', '/.data', '/src', '/test', '/env']));
    expect(ignored.every((line) => line.startsWith('/'))).toBe(true);
  });
});
