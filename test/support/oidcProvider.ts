import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
// @ts-expect-error -- oidc-provider ships no type declarations; ProviderClass below types the part these tests use.
import Provider from 'oidc-provider';
import { freePort } from './net';

interface ProviderInstance {
  callback(): http.RequestListener;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;
const OidcProvider: ProviderClass = Provider;

/** How long the provider's access tokens live, so that a test can step past it. */
export const ACCESS_TOKEN_TTL_SECONDS = 600;

/** Claims an identity's access tokens carry besides the standard ones, which the provider sets itself. */
export type TestIdentityClaims = Record<string, unknown>;

export interface StartOidcProviderOptions {
  /**
   * What tokens are for by default. It doubles as the RFC 8707 resource indicator asked for at the
   * token endpoint, so it must be an absolute URI.
   */
  audience: string;
  /** One OAuth client per identity: client credentials have no user, so the client stands for the person. */
  identities: Record<string, TestIdentityClaims>;
  /** For a test that needs the issuer's address before the provider is up. */
  port?: number;
}

export interface RunningOidcProvider {
  issuer: string;
  /** A JWT access token from the provider's token endpoint, for another audience when asked. */
  tokenFor(identity: string, options?: { audience?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** Starts a real OpenID provider (panva/oidc-provider) on loopback with its own fresh signing key. */
export async function startOidcProvider(options: StartOidcProviderOptions): Promise<RunningOidcProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const secrets = new Map(Object.keys(options.identities).map(name => [name, randomBytes(24).toString('base64url')]));

  const provider = new OidcProvider(issuer, {
    jwks: { keys: [signingKey] },
    ttl: { ClientCredentials: ACCESS_TOKEN_TTL_SECONDS },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    clients: [...secrets].map(([name, secret]) => ({
      client_id: name,
      client_secret: secret,
      token_endpoint_auth_method: 'client_secret_post',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    })),
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The token's audience is whichever resource the client asked for, as RFC 8707 intends.
        getResourceServerInfo: (_ctx: unknown, resourceIndicator: string) => ({
          scope: 'teaching',
          audience: resourceIndicator,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    extraTokenClaims: (_ctx: unknown, token: { clientId: string }) => options.identities[token.clientId],
  });

  const server = http.createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  return {
    issuer,
    async tokenFor(identity, { audience = options.audience } = {}) {
      const secret = secrets.get(identity);
      if (secret === undefined) throw new Error(`no test identity "${identity}"`);
      const response = await fetch(`${issuer}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: identity, client_secret: secret, resource: audience }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || typeof body.access_token !== 'string') {
        throw new Error(`token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
      }
      return body.access_token;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this, close() would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
