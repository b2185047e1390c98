import type { FastifyInstance, FastifyReply, RawServerBase, RouteGenericInterface } from 'fastify';
import httpProxy from '@fastify/http-proxy';

export interface PacsProxyOptions {
  /** The PACS's DICOMweb root, e.g. http://127.0.0.1:8042/dicom-web */
  pacsUrl: string;
  prefix: string;
  /** How long to wait for the PACS to accept a connection before telling the viewer it is down. */
  connectTimeoutMs?: number;
}

/**
 * Forwards DICOMweb to a department PACS from our own origin, so the viewer needs no CORS and the
 * PACS needs no changes. The browser's Host header is passed on so that PACSes which build
 * BulkDataURIs from it (Orthanc does) point them back through this proxy.
 */
export async function registerPacsProxy(app: FastifyInstance, options: PacsProxyOptions): Promise<void> {
  const upstream = new URL(options.pacsUrl);
  const failure = (reply: FastifyReply<RouteGenericInterface, RawServerBase>, error: Error & { statusCode?: number; code?: string }) => {
    const cause = (error.cause as { code?: string } | undefined)?.code ?? error.code ?? error.message;
    const status = error.statusCode === 504 ? 504 : 502;
    reply.log.warn({ cause }, 'PACS request failed');
    void reply
      .code(status)
      .type('application/json')
      .send({ error: `The PACS at ${upstream.origin} did not answer (${cause}). Check that it is running and that PACS_URL is right.` });
  };

  await app.register(httpProxy, {
    upstream: upstream.origin,
    prefix: options.prefix,
    rewritePrefix: upstream.pathname.replace(/\/+$/, ''),
    undici: { connectTimeout: options.connectTimeoutMs ?? 5_000, headersTimeout: 60_000, bodyTimeout: 300_000 },
    replyOptions: {
      // Orthanc ignores includefield lists whose commas arrive percent-encoded, which is how OHIF sends them.
      queryString: (_search, requestUrl) => {
        const query = requestUrl.indexOf('?');
        return query < 0 ? '' : requestUrl.slice(query + 1).replace(/%2C/gi, ',');
      },
      rewriteRequestHeaders: (request, headers) => ({ ...headers, host: request.headers.host ?? upstream.host }),
      onError: (reply, { error }) => failure(reply, error),
    },
  });
}

/** A quick reachability check for start-up, so an operator learns about a dead PACS before a user does. */
export async function probePacs(pacsUrl: string, timeoutMs = 3_000): Promise<string | undefined> {
  try {
    const response = await fetch(`${pacsUrl}/studies?limit=1`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/dicom+json' },
    });
    return response.ok || response.status === 204 ? undefined : `answered ${response.status} ${response.statusText}`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return cause ?? (error as Error).message;
  }
}
