import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_LABELS } from '../../../src/core/export';
import { MESSAGES, type Language } from '../../../src/core/i18n';
import { criteriaFor } from '../../../src/core/scoring/stageResult';
import { sheetResult } from '../../../src/core/scoring/sheetResult';
import type { TeachingSession } from '../../../src/core/session/session';
import { STAGES } from '../../../src/core/rubric/rubricSchema';
import { PEOPLE, recordsWorld, type PersonKey, type RecordsWorld } from '../../fixtures/recordsWorld';
import { commandsToScore, tutorScores, tutorSheet } from '../../fixtures/scoredSession';
import { launchBrowser } from '../../support/browser';
import { testDatabases } from '../../support/postgres';

const OUT = path.resolve('test-results', 'score-sheet');
const text = { 'zh-CN': 'zh', en: 'en' } as const;
/** pdftotext breaks a table cell's text where the cell wraps; the words are compared without spaces. */
const squeezed = (value: string) => value.replace(/\s+/g, '');
/** A wrapped label's lines can come out with the row's figures between them: labels are compared without digits too. */
const wordsOnly = (value: string) => squeezed(value).replace(/[0-9]/g, '');

const databases = testDatabases();
let world: RecordsWorld;
let browser: Browser;
let signed: TeachingSession;

async function command(world: RecordsWorld, by: PersonKey, body: unknown) {
  const current = await world.app.inject({ method: 'GET', url: `/api/sessions/${world.sessionId}`, headers: { cookie: world.cookies[by] } });
  const response = await world.app.inject({
    method: 'POST',
    url: `/api/sessions/${world.sessionId}/commands`,
    headers: { cookie: world.cookies[by] },
    payload: { version: current.json().version, command: body },
  });
  return response;
}

const sheetUrl = (query = '') => `/api/sessions/${world.sessionId}/score-sheet${query}`;
const fetchSheet = (by: PersonKey, query = '') => world.app.inject({ method: 'GET', url: sheetUrl(query), headers: { cookie: world.cookies[by] } });

/** The page printed to an A4 PDF by Chromium, as a department's browser would, then its pages as PNG and its text. */
async function printed(html: string, name: string): Promise<{ text: string; pngs: string[] }> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const pdf = path.join(OUT, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  await page.close();
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(OUT, name)]);
  const pngs = readdirSync(OUT).filter(file => file.startsWith(`${name}-`) && file.endsWith('.png'));
  return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-']).toString('utf8'), pngs };
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  world = await recordsWorld(databases.locations.postgres);
  browser = await launchBrowser();
  const initial = (await world.app.inject({ method: 'GET', url: `/api/sessions/${world.sessionId}`, headers: { cookie: world.cookies.tutor } })).json().session as TeachingSession;
  for (const step of commandsToScore(initial)) {
    const response = await command(world, step.by, step.command);
    expect(response.statusCode, `${step.command.type}: ${response.body}`).toBe(200);
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await world?.close();
  await databases.cleanup();
});

describe('the printable score sheet', () => {
  it('is the tutor’s to print before sign-off, and the resident’s only after it', async () => {
    expect((await fetchSheet('tutor')).statusCode).toBe(200);
    expect((await fetchSheet('admin')).statusCode).toBe(200);
    const early = await fetchSheet('resident');
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('access.notSignedOff');
    expect((await fetchSheet('otherResident')).statusCode).toBe(404);
    expect((await fetchSheet('otherTutor')).statusCode).toBe(404);
    expect((await fetchSheet('outsider')).statusCode).toBe(404);
    expect((await world.app.inject({ method: 'GET', url: sheetUrl() })).statusCode).toBe(401);

    const signOff = await command(world, 'tutor', { type: 'signOff' });
    expect(signOff.statusCode, signOff.body).toBe(200);
    signed = signOff.json().session;
    expect((await fetchSheet('resident')).statusCode).toBe(200);
  });

  it('refuses an unknown language in both languages', async () => {
    const response = await fetchSheet('tutor', '?language=fr');
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/language/);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const zh = await world.app.inject({ method: 'GET', url: sheetUrl('?language=de'), headers: { cookie: world.cookies.tutor, 'x-teaching-language': 'zh-CN' } });
    expect(zh.json().message).toMatch(/应为 zh-CN 或 en/);
    const en = await world.app.inject({ method: 'GET', url: sheetUrl('?language=de'), headers: { cookie: world.cookies.tutor, 'x-teaching-language': 'en' } });
    expect(en.json().message).toMatch(/use zh-CN or en/);
  });

  it('is Chinese unless English is asked for, escapes what people typed, and prints only when asked', async () => {
    const page = await fetchSheet('tutor');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain('第一项需加强 &lt;b&gt;');
    expect(page.body).not.toContain('需加强 <b>');
    expect(page.body).not.toContain("addEventListener('load'");
    expect((await fetchSheet('tutor', '?print=1')).body).toContain("addEventListener('load', function () { window.print(); })");
    expect((await fetchSheet('tutor', '?language=en')).body).toContain('<html lang="en">');
  });

  it('is registered in the OpenAPI document as an HTML page for the signed-in', async () => {
    const document = (await world.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = document.paths['/api/sessions/{sessionId}/score-sheet'].get;
    expect(operation.operationId).toBe('scoreSheet');
    expect(operation.security).toEqual(expect.arrayContaining([expect.objectContaining({})]));
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/html']);
  });

  for (const language of ['zh-CN', 'en'] as const satisfies Language[]) {
    it(`prints on A4 with everything the paper form carries (${language})`, async () => {
      const page = await fetchSheet('resident', `?language=${language}`);
      expect(page.statusCode).toBe(200);
      const { text: pdfText, pngs } = await printed(page.body, `score-sheet-${language}`);
      expect(pngs.length).toBeGreaterThan(0);
      const all = squeezed(pdfText);
      const has = (value: string | number, what: string) => expect(all, `${what}: ${value}`).toContain(squeezed(String(value)));
      const words = wordsOnly(pdfText);
      const hasLabel = (value: string, what: string) => expect(words, `${what}: ${value}`).toContain(wordsOnly(value));
      const lang = text[language];
      const labels = EXPORT_LABELS[language].print;

      for (const item of signed.reportSheet.sections.flatMap(section => section.items)) hasLabel(item.label[lang], 'sheet item');
      for (const veto of signed.reportSheet.vetoes) hasLabel(veto.label[lang], 'veto item');
      const evaluation = tutorSheet(signed);
      const result = sheetResult(signed.reportSheet, evaluation.sheet);
      expect(result.total).toBe(signed.reportSheet.total - 3);
      has(`${result.total} / ${signed.reportSheet.total}`, 'total');
      has(result.band!.label[lang], 'band');
      has(evaluation.sheet.mainProblems, 'main problems');
      has(evaluation.sheet.itemRemarks[signed.reportSheet.sections[0]!.items[0]!.id]!, 'item remark');

      has(`${labels.signedBy}: ${PEOPLE.tutor.name}`, 'signed by');
      has(MESSAGES[language]['print.residentSignature'], 'resident signature line');
      has(MESSAGES[language]['print.tutorSignature'], 'tutor signature line');
      has(PEOPLE.resident.name, 'resident');

      for (const stage of STAGES.filter(id => id !== '4.5')) {
        const criteria = criteriaFor(signed.stageForm, stage, signed.realTime);
        const max = criteria.reduce((sum, criterion) => sum + (criterion.kind === 'points' ? criterion.max : Math.max(...criterion.levels.map(level => level.points))), 0);
        const first = criteria[0]!;
        const levels = first.kind === 'levels' ? [...first.levels].sort((a, b) => b.points - a.points) : [];
        const lost = first.kind === 'points' ? 1 : levels[0]!.points - (levels[1] ?? levels[0])!.points;
        const stageTotal = page.body.match(new RegExp(`data-stage-total="${stage.replace('.', '\\.')}">([^<]*)<`))?.[1];
        expect(Number(stageTotal), `${stage} total`).toBe(Math.round((max - lost) * 100) / 100);
        has(`${labels.stageTotal}${max}${stageTotal}`, `${stage} total row`);
        for (const criterion of criteria) hasLabel(criterion.label[lang], `${stage} criterion`);
        has(tutorScores(signed, stage).feedback, `${stage} feedback`);
      }
    }, 60_000);
  }

  it('shows an amendment with the signed figure beside the new one', async () => {
    const sheet = tutorSheet(signed);
    const firstItem = signed.reportSheet.sections[0]!.items[0]!;
    const amended = await command(world, 'tutor', {
      type: 'amend',
      reason: '复核后补回患者信息分',
      amendment: { target: 'report', evaluation: { ...sheet, sheet: { ...sheet.sheet, items: { ...sheet.sheet.items, [firstItem.id]: firstItem.points } } } },
    });
    expect(amended.statusCode, amended.body).toBe(200);
    const page = await fetchSheet('tutor');
    const { text: pdfText } = await printed(page.body, 'score-sheet-amended-zh-CN');
    const all = squeezed(pdfText);
    expect(all).toContain(squeezed('复核后补回患者信息分'));
    expect(all).toContain(squeezed(`${signed.reportSheet.total - 2} / ${signed.reportSheet.total}`));
    expect(all).toContain(squeezed(`${EXPORT_LABELS['zh-CN'].print.asSigned}: ${signed.reportSheet.total - 3}`));
  }, 60_000);
});
