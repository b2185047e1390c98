import { TRAINING_YEAR_LABELS } from '../../core/labels/peopleLabels';
import { escapeHtml as h } from '../print/escapeHtml';
import { caseTitle, dateTime, localized, pageLink, personName, type PageContext } from './pageContext';
import { section, sessionStatus, sessionTable } from './sessionTable';

/** Each resident the tutor has supervised, with their latest session and the way to their next case. */
function residentsTable(context: PageContext): string {
  const { t, data } = context;
  const latest = [...(data.residents ?? [])].sort((a, b) => personName(context, a.residentId).localeCompare(personName(context, b.residentId), 'zh-CN'));
  if (latest.length === 0) return `<p class="empty">${h(t('worklist.empty.residents'))}</p>`;
  const rows = latest
    .map(listing => {
      const resident = data.people.get(listing.residentId);
      const year = resident?.trainingYear ? localized(context, TRAINING_YEAR_LABELS[resident.trainingYear]) : '';
      const suggest = `<a class="button" data-testid="worklist-suggest" href="${h(pageLink(context, { nextFor: listing.residentId }, 'worklist-next-case'))}">${h(t('worklist.suggest'))}</a>`;
      return `<tr data-resident-id="${h(listing.residentId)}"><td class="nowrap">${h(personName(context, listing.residentId))}</td><td class="nowrap">${h(year)}</td><td><span class="title">${h(caseTitle(context, listing.caseId))}</span><span class="sub">${h(dateTime(listing.summary.plannedAt))}</span></td><td>${sessionStatus(context, listing)}</td><td class="actions">${suggest}</td></tr>`;
    })
    .join('');
  return `<table class="list"><thead><tr><th>${h(t('worklist.col.resident'))}</th><th>${h(t('worklist.col.year'))}</th><th>${h(t('worklist.col.lastSession'))}</th><th>${h(t('worklist.col.status'))}</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** A tutor's sessions that wait for them, those coming up, and their residents. */
export function tutorSections(context: PageContext): string {
  const { t, data, query } = context;
  const waiting = data.waiting!;
  const upcoming = data.upcoming!;
  return [
    section(
      'worklist-waiting',
      t('worklist.waiting'),
      sessionTable(context, waiting, { id: 'worklist-waiting', columns: ['planned', 'case', 'resident', 'status'], empty: 'worklist.empty.waiting', pagesParameter: 'waitingPages' }),
      waiting.total,
    ),
    section(
      'worklist-upcoming',
      t('worklist.upcoming'),
      sessionTable(context, upcoming, {
        id: 'worklist-upcoming',
        columns: ['planned', 'place', 'case', 'resident'],
        empty: 'worklist.empty.upcoming',
        pagesParameter: 'upcomingPages',
        highlight: query.scheduled,
      }),
      upcoming.total,
    ),
    section('worklist-residents', t('worklist.residents'), residentsTable(context), data.residents?.length ?? 0),
  ].join('');
}
