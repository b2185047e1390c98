import { escapeHtml as h } from '../print/escapeHtml';
import { pageLink, type PageContext } from './pageContext';
import { section, sessionTable } from './sessionTable';
import { ADMIN_PAGE_SIZE } from './worklistData';

const STATUSES = ['scheduled', 'inProgress', 'waiting', 'signedOff'] as const;

/** The administrator's view: every session of the department, filtered by resident, tutor and status, a page at a time. */
export function allSessions(context: PageContext): string {
  const { t, query, data } = context;
  const all = data.all!;
  const any = `<option value="">${h(t('worklist.filter.any'))}</option>`;
  const people = (role: 'resident' | 'tutor', chosen: string | undefined) =>
    // Inactive people keep their sessions; the filter still finds them.
    [...data.people.values()]
      .filter(person => person.role === role)
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'zh-CN'))
      .map(person => `<option value="${h(person.id)}"${person.id === chosen ? ' selected' : ''}>${h(person.name)}</option>`)
      .join('');
  const statuses = STATUSES.map(status => `<option value="${status}"${status === query.status ? ' selected' : ''}>${h(t(`worklist.status.${status}`))}</option>`).join('');
  const filters = `<form class="filters" method="get" data-testid="worklist-session-filters">
<input type="hidden" name="lang" value="${h(context.language)}">
<label>${h(t('worklist.col.resident'))}<select name="residentId">${any}${people('resident', query.residentId)}</select></label>
<label>${h(t('worklist.col.tutor'))}<select name="tutorId">${any}${people('tutor', query.tutorId)}</select></label>
<label>${h(t('worklist.col.status'))}<select name="status">${any}${statuses}</select></label>
<button type="submit" class="button">${h(t('worklist.filter.apply'))}</button>
<a class="button button--ghost" href="${h(pageLink(context, { residentId: undefined, tutorId: undefined, status: undefined, page: undefined }, 'worklist-all'))}">${h(t('worklist.filter.clear'))}</a>
</form>`;
  const page = query.page ?? 1;
  const pages = Math.max(1, Math.ceil(all.total / ADMIN_PAGE_SIZE));
  const step = (target: number, label: string, testid: string) =>
    target >= 1 && target <= pages ? `<a class="button" data-testid="${testid}" href="${h(pageLink(context, { page: target }, 'worklist-all'))}">${h(label)}</a>` : `<span class="button button--disabled">${h(label)}</span>`;
  const paging = `<nav class="paging" data-testid="worklist-paging">${step(page - 1, t('worklist.previous'), 'worklist-previous')}<span>${h(t('worklist.page', { page, pages, total: all.total }))}</span>${step(page + 1, t('worklist.next'), 'worklist-next')}</nav>`;
  const table = sessionTable(context, all, { id: 'worklist-all', columns: ['planned', 'case', 'resident', 'tutor', 'status', 'score'], empty: 'worklist.empty.sessions' });
  return section('worklist-all', t('worklist.all'), `${filters}${table}${paging}`, all.total);
}

