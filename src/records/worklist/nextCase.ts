import { escapeHtml as h } from '../print/escapeHtml';
import type { PageContext } from './pageContext';
import { residentOptions } from './scheduleForm';
import { section } from './sessionTable';

/**
 * Next-case suggestions for a chosen resident. The ranking comes from the next-cases API, fetched by
 * the page's script, which lists each case with its reasons in the page's language and a button that
 * fills the scheduling form with it.
 */
export function nextCase(context: PageContext): string {
  const { t, query } = context;
  const body = `<p class="hint">${h(t('worklist.next.explain'))}</p>
<form class="filters" data-testid="worklist-next-form">
<label class="grow">${h(t('worklist.next.resident'))}<select name="residentId" id="next-resident" required><option value="">${h(t('worklist.schedule.choose'))}</option>${residentOptions(context, query.nextFor)}</select></label>
<button type="submit" class="button">${h(t('worklist.next.show'))}</button>
</form>
<p class="hint" role="status" data-testid="worklist-next-status" hidden></p>
<ol class="suggestions" data-testid="worklist-suggestions"></ol>`;
  return section('worklist-next-case', t('worklist.next.title'), body);
}
