import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  MicrosoftAppCredentials,
  PasswordServiceClientCredentialFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';

/** The issuer of tokens the Bot Framework channels send to bots. */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/** An RSA signing key with its key id. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Makes a fresh RS256 signing key. */
export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const base64url = (value: Buffer | string): string => Buffer.from(value).toString('base64url');

/** Signs a JWT with RS256 (or writes an unsigned one for `alg: 'none'`). */
export function signToken(
  claims: Record<string, unknown>,
  key: SigningKey,
  header: Record<string, unknown> = {},
): string {
  const head = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...header };
  const body = `${base64url(JSON.stringify(head))}.${base64url(JSON.stringify(claims))}`;
  if (head.alg === 'none') return `${body}.`;
  const signature = createSign('RSA-SHA256').update(body).sign(key.privateKey);
  return `${body}.${base64url(signature)}`;
}

/**
 * A stand-in for the Bot Framework's OpenID metadata on 127.0.0.1: it publishes the public half
 * of keys the test made, and signs channel tokens with them the way the Bot Connector does.
 */
export class OpenIdStandIn {
  /** The key the published metadata lists (endorsed for Teams). */
  readonly key = newSigningKey();
  /** How many times the metadata document was fetched. */
  fetches = 0;
  private server: http.Server | null = null;
  private base = '';

  /** The metadata URL to give the adapter. */
  get metadataUrl(): string {
    return `${this.base}/.well-known/openid-configuration`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const jwk = this.key.publicKey.export({ format: 'jwk' });
      const body =
        req.url === '/.well-known/openid-configuration'
          ? {
              issuer: BOT_FRAMEWORK_ISSUER,
              jwks_uri: `${this.base}/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            }
          : req.url === '/keys'
            ? {
                keys: [
                  {
                    kty: 'RSA',
                    use: 'sig',
                    kid: this.key.kid,
                    n: jwk.n,
                    e: jwk.e,
                    endorsements: ['msteams'],
                  },
                ],
              }
            : null;
      if (req.url === '/.well-known/openid-configuration') this.fetches += 1;
      const text = JSON.stringify(body ?? { error: 'not found' });
      res.writeHead(body ? 200 : 404, {
        'Content-Type': 'application/json',
        'Content-Length': String(Buffer.byteLength(text)),
      });
      res.end(text);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /**
   * A channel token as Teams sends it: issued by the Bot Framework, addressed to the app and
   * naming the service URL. `claims` and `header` replace parts to make bad tokens.
   */
  token(
    appId: string,
    serviceUrl: string,
    options: {
      claims?: Record<string, unknown>;
      header?: Record<string, unknown>;
      key?: SigningKey;
    } = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    return signToken(
      {
        iss: BOT_FRAMEWORK_ISSUER,
        aud: appId,
        serviceurl: serviceUrl,
        nbf: now - 60,
        iat: now - 60,
        exp: now + 3600,
        ...options.claims,
      },
      options.key ?? this.key,
      options.header,
    );
  }
}

/**
 * Outgoing credentials that never ask Entra ID for a token (the test connector checks none),
 * while still only accepting incoming tokens addressed to the bot's own app id.
 */
export function localCredentials(appId: string, password: string): ServiceClientCredentialsFactory {
  return new (class extends PasswordServiceClientCredentialFactory {
    override async createCredentials(): Promise<MicrosoftAppCredentials> {
      return MicrosoftAppCredentials.Empty;
    }
  })(appId, password);
}
