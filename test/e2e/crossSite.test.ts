import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_STUDIES, sopInstanceUidFor } from '../../src/dicomweb/sample/sampleCatalogue';
import { DEFAULT_DEMO_PASSWORD } from '../../src/records/config';
import { launchBrowser } from '../support/browser';
import { screenshotter } from '../support/screenshots';
import { startServer, type RunningServer } from '../support/serverProcess';

const shot = screenshotter('e2e-cross-site');

/**
 * A page of another site, opened by a signed-in tutor, that posts forms at the product. On the same
 * host and another port it is "same-site", so SameSite cookies go along: the server itself must
 * refuse the writes, while the viewer's own same-origin writes keep working.
 */
describe('cross-site form posts against a signed-in browser', () => {
  let dataDir: string;
  let server: RunningServer;
  let attacker: http.Server;
  let attackerUrl: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let sessionId: string;

  const history = async () => (await page.evaluate(async id => (await fetch(`/api/sessions/${id}/events`)).json(), sessionId)).events.length as number;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'ohif-teaching-cross-site-'));
    server = await startServer({ DATA_DIR: dataDir });
    attacker = http.createServer((request, response) => {
      const target = new URL(request.url ?? '/', 'http://x').searchParams.get('target') ?? '';
      const [action, enctype] = target.split('|');
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(`<!doctype html><form id="f" method="post" action="${action}" enctype="${enctype}">
        <input name='{"version":2,"command":{"type":"askQuestion","stage":"4.1","questionId":"q-forged","question":"?"},"x":"' value='"}'>
        <input name="username" value="tutor1"></form><script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>(resolve => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;

    browser = await launchBrowser();
    context = await browser.newContext();
    page = await context.newPage();
    await page.goto(`${server.url}/api/auth/sign-in`);
    await page.fill('#username', 'tutor1');
    await page.fill('#password', DEFAULT_DEMO_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(url => !url.pathname.startsWith('/api/auth'));
    const sessions = await page.evaluate(async () => (await fetch('/api/sessions?open=true')).json());
    sessionId = sessions.sessions[0].session.id;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise(resolve => attacker?.close(resolve));
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each([
    ['a session command', (id: string) => `/api/sessions/${id}/commands`, 'text/plain'],
    ['a sign-in (login CSRF)', () => '/api/auth/sign-in', 'application/x-www-form-urlencoded'],
    ['a DICOM store (STOW-RS)', () => '/dicom-web/studies', 'multipart/form-data'],
  ])('refuses %s posted by another site', async (_name, route, enctype) => {
    const before = await history();
    const attackPage = await context.newPage();
    const refused = attackPage.waitForResponse(response => response.url().startsWith(server.url) && response.request().method() === 'POST');
    await attackPage.goto(`${attackerUrl}/?target=${encodeURIComponent(`${server.url}${route(sessionId)}|${enctype}`)}`);
    const response = await refused;
    expect(response.status()).toBe(403);
    expect(await response.text()).toMatch(/Refused: the request came from another site/);
    await attackPage.waitForLoadState();
    await shot(attackPage, `refused-${enctype.replace(/\W+/g, '-')}`);
    await attackPage.close();
    expect(await history()).toBe(before);
  });

  it("keeps the viewer's own JSON calls and STOW-RS working", async () => {
    const { version } = await page.evaluate(async id => (await fetch(`/api/sessions/${id}`)).json(), sessionId);
    const command = await page.evaluate(
      async ({ id, version }) => (await fetch(`/api/sessions/${id}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, command: { type: 'askQuestion', stage: '4.1', questionId: 'q-same-origin', question: '患者的吸烟史？' } }) })).status,
      { id: sessionId, version },
    );
    expect(command).toBe(200);

    const study = SAMPLE_STUDIES.chestCt;
    const series = study.series[0]!;
    const instance = `/dicom-web/studies/${study.studyUID}/series/${series.seriesUID}/instances/${sopInstanceUidFor(study, series.seriesNumber, 1)}`;
    const stored = await page.evaluate(async url => {
      const part10 = await (await fetch(url, { headers: { accept: 'application/dicom' } })).arrayBuffer();
      return (await fetch('/dicom-web/studies', { method: 'POST', headers: { 'content-type': 'application/dicom' }, body: part10 })).status;
    }, instance);
    expect(stored).toBe(200);
  });
});
