import { createHash } from 'node:crypto';
import { AppPackageError } from './app-package-error';

/** Environment variables as read from `process.env` or a `.env` file. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Values for the `${{NAME}}` placeholders of the manifest template, by name. */
export type PlaceholderValues = Readonly<Record<string, string>>;

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
// Fixed for good: Teams recognises an update to the app by its id, so the id derived from a
// given bot id must never change.
const APP_ID_NAMESPACE = '15822705-29ec-48b3-8808-de1a36612571';

/**
 * The environment variable behind each placeholder whose name differs from it, so a validation
 * error can say which setting to change.
 */
export const PLACEHOLDER_SOURCES: Readonly<Record<string, string>> = { BOT_ID: 'MicrosoftAppId' };

/** True for a GUID such as an Entra application (client) id. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/**
 * A stable Teams app id for a bot: a name-based (version 5) UUID of the bot id, so rebuilding
 * the package for the same bot always gives the same app id and Teams sees an update.
 */
export function appIdFromBotId(botId: string): string {
  const namespace = Buffer.from(APP_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1')
    .update(Buffer.concat([namespace, Buffer.from(botId.trim().toLowerCase(), 'utf8')]))
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const setting = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/**
 * Works out the placeholder values from the environment: the bot id from `MicrosoftAppId`
 * (the id the bot signs in with), the host from `BOT_DOMAIN`, and defaults for the rest.
 * Throws an AppPackageError naming each missing or malformed setting.
 */
export function placeholderValues(env: Env, defaultVersion = '1.0.0'): PlaceholderValues {
  const problems: string[] = [];
  const appId = setting(env, 'MicrosoftAppId');
  const botIdSetting = setting(env, 'BOT_ID');
  const botId = appId ?? botIdSetting;
  if (!botId) {
    problems.push(
      "MicrosoftAppId is not set — set it in .env to the Application (client) ID of the bot's app registration.",
    );
  } else if (appId && botIdSetting && appId.toLowerCase() !== botIdSetting.toLowerCase()) {
    problems.push(
      `MicrosoftAppId (${appId}) and BOT_ID (${botIdSetting}) differ — the manifest must name the app id the bot signs in with. Remove BOT_ID or make the two match.`,
    );
  }
  const domain = setting(env, 'BOT_DOMAIN');
  if (!domain) {
    problems.push(
      'BOT_DOMAIN is not set — set it to the host name of the web app, for example apb-council.azurewebsites.net.',
    );
  } else if (!HOST_NAME.test(domain)) {
    problems.push(
      `BOT_DOMAIN: "${domain}" is not a host name — give the host only, for example apb-council.azurewebsites.net (no https:// and no path).`,
    );
  }
  if (problems.length > 0) throw new AppPackageError(problems);
  const id = botId as string;
  const host = (domain as string).toLowerCase();
  return {
    BOT_ID: id,
    BOT_DOMAIN: host,
    TEAMS_APP_ID: setting(env, 'TEAMS_APP_ID') ?? appIdFromBotId(id),
    APP_VERSION: setting(env, 'APP_VERSION') ?? defaultVersion,
    APP_WEBSITE_URL: setting(env, 'APP_WEBSITE_URL') ?? `https://${host}`,
    APP_PRIVACY_URL: setting(env, 'APP_PRIVACY_URL') ?? `https://${host}/privacy`,
    APP_TERMS_URL: setting(env, 'APP_TERMS_URL') ?? `https://${host}/terms`,
    // Blank by default; a test instance can set e.g. " (test)" to tell the two apart in Teams.
    APP_NAME_SUFFIX: env.APP_NAME_SUFFIX ?? '',
  };
}

/** Names of the placeholders used in a text, in order of first use. */
export function placeholderNames(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/**
 * Replaces every `${{NAME}}` in a JSON template with its value (escaped for a JSON string),
 * taking a name missing from `values` from `env`. Throws an AppPackageError listing any
 * placeholder that has no value.
 */
export function fillPlaceholders(
  template: string,
  values: PlaceholderValues,
  env: Env = {},
): string {
  const lookup = (name: string): string | undefined =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : env[name];
  const missing = placeholderNames(template).filter((name) => lookup(name) === undefined);
  if (missing.length > 0) {
    throw new AppPackageError(
      missing.map(
        (name) => `manifest.json uses \${{${name}}} but ${name} is not set — set it in .env.`,
      ),
    );
  }
  return template.replace(PLACEHOLDER, (_match, name: string) =>
    JSON.stringify(lookup(name) as string).slice(1, -1),
  );
}

/**
 * Where each placeholder sits in the parsed template, as `field path → placeholder names`
 * (e.g. `bots[0].botId → ['BOT_ID']`), so a schema error on a field can name its setting.
 */
export function placeholderFields(template: unknown): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      const names = placeholderNames(value);
      if (names.length > 0) fields.set(at, names);
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, `${at}[${index}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, at ? `${at}.${key}` : key);
    }
  };
  walk(template, '');
  return fields;
}
