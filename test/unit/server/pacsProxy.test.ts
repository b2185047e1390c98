import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { probePacs, registerPacsProxy } from '../../../src/server/pacsProxy';
import { freePort } from '../../support/net';

interface Seen {
  url: string;
  host: string | undefined;
}

/** A stand-in PACS that records what reaches it. */
async function fakePacs(respond: (response: http.ServerResponse) => void = response => response.end('[]')) {
  const seen: Seen[] = [];
  const server = http.createServer((request, response) => {
    seen.push({ url: request.url ?? '', host: request.headers.host });
    respond(response);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { seen, url: `http://127.0.0.1:${port}/orthanc/dicom-web`, close: () => new Promise(resolve => server.close(resolve)) };
}

describe('PACS proxy', () => {
  let app: FastifyInstance;
  let closePacs: (() => Promise<unknown>) | undefined;

  afterEach(async () => {
    await app?.close();
    await closePacs?.();
    closePacs = undefined;
  });

  it('forwards under the PACS path, with commas of includefield decoded and the viewer host kept', async () => {
    const pacs = await fakePacs();
    closePacs = pacs.close;
    app = Fastify();
    await registerPacsProxy(app, { pacsUrl: pacs.url, prefix: '/dicom-web' });
    const response = await app.inject({
      url: '/dicom-web/studies?includefield=00081030%2C00080060&PatientName=Zhang%5EWei&limit=25',
      headers: { host: 'viewer.example:3000' },
    });
    expect(response.statusCode).toBe(200);
    expect(pacs.seen).toEqual([
      { url: '/orthanc/dicom-web/studies?includefield=00081030,00080060&PatientName=Zhang%5EWei&limit=25', host: 'viewer.example:3000' },
    ]);
  });

  it('passes the PACS answer through unchanged, errors included', async () => {
    const pacs = await fakePacs(response => {
      response.statusCode = 404;
      response.setHeader('content-type', 'application/json');
      response.end('{"error":"no such study"}');
    });
    closePacs = pacs.close;
    app = Fastify();
    await registerPacsProxy(app, { pacsUrl: pacs.url, prefix: '/dicom-web' });
    const response = await app.inject({ url: '/dicom-web/studies/1.2.3/metadata' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'no such study' });
  });

  it('answers 502 with a reason a person understands when the PACS is down', async () => {
    const port = await freePort();
    app = Fastify();
    await registerPacsProxy(app, { pacsUrl: `http://127.0.0.1:${port}/dicom-web`, prefix: '/dicom-web' });
    const response = await app.inject({ url: '/dicom-web/studies' });
    expect(response.statusCode).toBe(502);
    expect(response.json().error).toBe(
      `The PACS at http://127.0.0.1:${port} did not answer (ECONNREFUSED). Check that it is running and that PACS_URL is right.`,
    );
  });

  it('probes a PACS at start-up', async () => {
    const pacs = await fakePacs();
    closePacs = pacs.close;
    expect(await probePacs(pacs.url)).toBeUndefined();
    expect(await probePacs(`http://127.0.0.1:${await freePort()}/dicom-web`)).toBe('ECONNREFUSED');
  });
});
