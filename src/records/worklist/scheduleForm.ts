import { TRAINING_YEAR_LABELS } from '../../core/labels/peopleLabels';
import { escapeHtml as h } from '../print/escapeHtml';
import { caseTitle, localized, personName, type PageContext } from './pageContext';
import { section } from './sessionTable';

/** The people of a role who may be in a new session, by name. */
export function activePeople(context: PageContext, role: 'resident' | 'tutor') {
  return [...context.data.people.values()].filter(person => person.role === role && person.active).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

export function residentOptions(context: PageContext, chosen?: string): string {
  return activePeople(context, 'resident')
    .map(person => {
      const year = person.trainingYear ? ` · ${localized(context, TRAINING_YEAR_LABELS[person.trainingYear])}` : '';
      return `<option value="${h(person.id)}"${person.id === chosen ? ' selected' : ''}>${h(person.name + year)}</option>`;
    })
    .join('');
}

/**
 * Resident, case, planned time (Beijing, as every time on the page) and place; the page's script
 * sends it to the sessions API and shows its refusal beside the form. An administrator also names
 * the tutor.
 */
export function scheduleForm(context: PageContext): string {
  const { t, principal } = context;
  const choose = `<option value="">${h(t('worklist.schedule.choose'))}</option>`;
  const cases = (context.data.schedulable ?? []).map(entry => `<option value="${h(entry.id)}">${h(entry.title)}</option>`).join('');
  const tutor =
    principal.account.role === 'admin'
      ? `<label for="schedule-tutor">${h(t('worklist.schedule.tutor'))}</label><select id="schedule-tutor" name="tutorId" required>${choose}${activePeople(context, 'tutor')
          .map(person => `<option value="${h(person.id)}">${h(person.name)}</option>`)
          .join('')}</select>`
      : '';
  const justScheduled = context.query.scheduled && context.data.upcoming?.rows.find(listing => listing.id === context.query.scheduled);
  const done = justScheduled
    ? `<p class="notice notice--done" role="status" data-testid="worklist-schedule-done">${h(t('worklist.schedule.done', { case: caseTitle(context, justScheduled.caseId), resident: personName(context, justScheduled.residentId) }))}</p>`
    : '';
  const body = `${done}<form class="form" data-testid="worklist-schedule-form" novalidate>
<label for="schedule-resident">${h(t('worklist.schedule.resident'))}</label><select id="schedule-resident" name="residentId" required>${choose}${residentOptions(context)}</select>
<label for="schedule-case">${h(t('worklist.schedule.case'))}</label><select id="schedule-case" name="caseId" required>${choose}${cases}</select>
${tutor}
<label for="schedule-planned">${h(t('worklist.schedule.plannedAt'))}</label><input id="schedule-planned" name="plannedAt" type="datetime-local" required>
<label for="schedule-place">${h(t('worklist.schedule.place'))}</label><input id="schedule-place" name="place" maxlength="200" placeholder="${h(t('worklist.schedule.placeHint'))}" required>
<p class="error" role="alert" data-testid="worklist-schedule-error" hidden></p>
<button type="submit" class="button button--primary button--wide">${h(t('worklist.schedule.submit'))}</button>
<p class="hint">${h(t('worklist.schedule.hint'))}</p>
</form>`;
  return section('worklist-schedule', t('worklist.schedule'), body);
}
