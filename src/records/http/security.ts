/** The OpenAPI security requirements: an operation either needs a signed-in user or is open to all. */
export const SIGNED_IN: Array<Record<string, string[]>> = [{ sessionCookie: [] }, { bearerToken: [] }];
export const PUBLIC: Array<Record<string, string[]>> = [];

export const SECURITY_SCHEMES = {
  sessionCookie: { type: 'apiKey', in: 'cookie', name: 'ohif_teaching_session', description: 'Set by signing in with a username and password.' },
  bearerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "An access token of the department's identity provider (OIDC)." },
} as const;
