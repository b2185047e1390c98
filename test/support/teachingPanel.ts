import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { TeachingSession } from '../../src/core/session/session';
import { CHEST_CT_NODULE } from '../../src/dicomweb/sample/sampleCatalogue';
import { commandsToScore } from '../fixtures/scoredSession';
import { dismissBanner, dragOnPage, waitForViewportsRendered, worldToPage } from './viewer';

/** The teaching panel as a person works it: its stages, its status lines and its language. */
export const panel = (page: Page) => page.getByTestId('teaching-panel');

export const step = (page: Page, stage: string) => page.locator(`[data-testid="teaching-step"][data-stage="${stage}"]`);

export const progress = (page: Page, stage: string) => step(page, stage).getAttribute('data-progress');

/** Where the person's changes are: `saved`, `saving`, `offline`, `conflict` or `refused`. */
export const workStatus = (page: Page) => page.getByTestId('teaching-work-status').getAttribute('data-state');

/** The viewer has drawn the study and the panel shows the session's stages. */
export async function waitForTeachingPanel(page: Page): Promise<void> {
  await waitForViewportsRendered(page);
  await dismissBanner(page);
  await page.getByTestId('teaching-stepper').waitFor();
}

export async function openStage(page: Page, stage: string): Promise<void> {
  await step(page, stage).click();
  await page.getByTestId(`teaching-stage-${stage}`).waitFor();
}

export async function toLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  if ((await panel(page).getAttribute('lang')) !== language) await page.getByTestId('teaching-language-toggle').click();
  await expect.poll(() => panel(page).getAttribute('lang')).toBe(language);
}

/** How far the stage area is wider than the panel: anything above 0 scrolls sideways. */
export const sidewaysOverflow = (page: Page) => page.locator('.ohif-teaching__stage-scroll').evaluate(element => element.scrollWidth - element.clientWidth);

/** Gives every criterion of a stage's scoring its full points or its first level, by typing and choosing as a tutor does. */
export async function scoreEveryCriterion(page: Page, stage: string): Promise<void> {
  const criteria = page.getByTestId(`teaching-scoring-${stage}`).getByTestId('teaching-criterion');
  const count = await criteria.count();
  for (let index = 0; index < count; index++) {
    const input = criteria.nth(index).getByTestId('teaching-criterion-score');
    if ((await input.evaluate(element => element.tagName)) === 'SELECT') {
      const values = await input.locator('option').evaluateAll(options => options.map(option => (option as HTMLOptionElement).value).filter(Boolean));
      await input.selectOption(values[0]!);
    } else {
      await input.fill('');
      await input.pressSequentially(String(await input.getAttribute('max')));
    }
  }
}

/** Gives every item of the report sheet its full points, typed; returns the total that makes. */
export async function scoreEverySheetItem(page: Page): Promise<number> {
  const items = page.getByTestId('teaching-sheet-item');
  let total = 0;
  for (let index = 0; index < (await items.count()); index++) {
    const score = items.nth(index).getByTestId('teaching-sheet-item-score');
    const max = Number(await score.getAttribute('max'));
    await score.fill('');
    await score.pressSequentially(String(max));
    total += max;
  }
  return total;
}

/** Draws a Length across the sample chest CT's nodule with the real mouse, `dy` mm below its centre. */
export async function drawAcrossNodule(page: Page, dy = 0): Promise<void> {
  const [cx, cy, cz] = CHEST_CT_NODULE.centerMm;
  const r = CHEST_CT_NODULE.diameterMm / 2;
  await dragOnPage(page, await worldToPage(page, [cx - r, cy + dy, cz]), await worldToPage(page, [cx + r, cy + dy, cz]));
}

/**
 * Runs commands on a session through the records API as the person signed in on the page, each on
 * the version the one before left; the first refusal fails the step with the server's answer.
 * Returns the version after the last.
 */
export function runCommandsAs(page: Page, sessionId: string, commands: readonly unknown[]): Promise<number> {
  return page.evaluate(
    async ({ id, commands }) => {
      let version: number = (await (await fetch(`/api/sessions/${id}`)).json()).version;
      for (const command of commands as Array<{ type: string }>) {
        const response = await fetch(`/api/sessions/${id}/commands`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ version, command }) });
        const body = await response.json();
        if (!response.ok) throw new Error(`${command.type}: HTTP ${response.status} ${JSON.stringify(body)}`);
        version = body.version;
      }
      return version;
    },
    { id: sessionId, commands },
  );
}

/**
 * The scripted work and scores that take a session to fully scored, for the stages `only` picks
 * (with the clock started first when it is not running), each command sent by its person from
 * their own page.
 */
export async function runScriptedStages(pages: { resident: Page; tutor: Page }, sessionId: string, only: (stage: string | undefined) => boolean): Promise<void> {
  const session = (await pages.tutor.evaluate(async id => (await (await fetch(`/api/sessions/${id}`)).json()).session, sessionId)) as TeachingSession;
  const running = session.timer.intervals.length > 0 && !session.timer.endedAt;
  for (const { by, command } of commandsToScore(session)) {
    const stage = 'stage' in command ? command.stage : command.type === 'evaluateReport' ? '4.5' : undefined;
    if (command.type === 'startClock' ? running : !only(stage)) continue;
    await runCommandsAs(by === 'resident' ? pages.resident : pages.tutor, sessionId, [command]);
  }
}

/** An annotation's own style on the page, whether it is drawn, locked and visible, read from the host's cornerstoneTools. */
export function drawingOnPage(page: Page, uid: string) {
  return page.evaluate(annotationUID => {
    const tools = (window as any).cornerstoneTools;
    const annotation = tools.annotation.state.getAnnotation(annotationUID);
    const style = tools.annotation.config.style.getAnnotationToolStyles(annotationUID) ?? {};
    return annotation
      ? { color: style.colorLocked ?? style.color, dashed: Boolean(style.lineDash), locked: tools.annotation.locking.isAnnotationLocked(annotationUID), visible: tools.annotation.visibility.isAnnotationVisible(annotationUID) !== false }
      : undefined;
  }, uid);
}
