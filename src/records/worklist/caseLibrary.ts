import { TRAINING_YEAR_LABELS } from '../../core/labels/peopleLabels';
import { TRAINING_YEARS } from './trainingYears';
import { escapeHtml as h } from '../print/escapeHtml';
import { teachingUrl, viewerBase } from '../routes/landingPage';
import { localized, pageLink, personName, type PageContext } from './pageContext';
import { section } from './sessionTable';
import { PAGE_SIZE, type LibraryCase } from './worklistData';

/** The modalities teaching mode reads, offered in the filter beside any other the library holds. */
const MODALITIES = ['CT', 'MR', 'DX', 'CR', 'US', 'NM', 'MG', 'PT', 'XA'];

function categoryName(context: PageContext, id: string): string {
  const category = context.data.categories.find(entry => entry.id === id);
  return category ? localized(context, category.name) : id;
}

function caseRow(context: PageContext, entry: LibraryCase): string {
  const { t } = context;
  const prepare = entry.study
    ? `<a class="button button--primary" data-testid="worklist-case-prepare" href="${h(teachingUrl(context.viewerPath, entry.study, entry.id))}">${h(t('worklist.cases.prepare'))}</a>`
    : '';
  const retire = `<button type="button" class="button" data-case-action="retire" data-retired="${entry.retired ? 'false' : 'true'}">${h(t(entry.retired ? 'worklist.cases.unretire' : 'worklist.cases.retire'))}</button>`;
  const duplicate = `<button type="button" class="button" data-case-action="duplicate">${h(t('worklist.cases.duplicate'))}</button>`;
  const retiredTag = entry.retired ? ` <span class="tag tag--retired">${h(t('worklist.cases.retired'))}</span>` : '';
  return `<tr data-case-id="${h(entry.id)}"${entry.retired ? ' class="row--retired"' : ''}>
<td class="title">${h(entry.title)}${retiredTag}<span class="error" role="alert" hidden></span></td>
<td class="nowrap">${h(localized(context, TRAINING_YEAR_LABELS[entry.trainingYear]))}</td>
<td>${h(categoryName(context, entry.category))}</td>
<td>${h(entry.modality)}</td>
<td class="nowrap">${h(personName(context, entry.preparedBy))}</td>
<td class="number" data-testid="worklist-case-usage">${entry.usage}</td>
<td class="actions">${prepare}${duplicate}${retire}</td></tr>`;
}

/** The department's cases for tutors and administrators: search, filters, how often each was used, and what can be done with it. */
export function caseLibrary(context: PageContext): string {
  const { t, query, data } = context;
  const library = data.library!;
  const any = `<option value="">${h(t('worklist.filter.any'))}</option>`;
  const option = (value: string, label: string, chosen: unknown) => `<option value="${h(value)}"${String(chosen ?? '') === value ? ' selected' : ''}>${h(label)}</option>`;
  const years = TRAINING_YEARS.map(year => option(String(year), localized(context, TRAINING_YEAR_LABELS[year]), query.year)).join('');
  const categories = data.categories.map(category => option(category.id, localized(context, category.name), query.category)).join('');
  const modalities = [...new Set([...MODALITIES, ...library.rows.map(entry => entry.modality)])].map(modality => option(modality, modality, query.modality)).join('');
  const preparers = [...data.people.values()]
    .filter(person => person.role !== 'resident')
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
    .map(person => option(person.id, person.name, query.preparedBy))
    .join('');
  const retired = [option('false', t('worklist.cases.current'), query.retired ?? 'false'), option('true', t('worklist.cases.retired'), query.retired), option('all', t('worklist.filter.any'), query.retired)].join('');
  const filters = `<form class="filters" method="get" data-testid="worklist-case-filters" action="#worklist-cases">
<input type="hidden" name="lang" value="${h(context.language)}">
<label class="grow">${h(t('worklist.cases.search'))}<input type="search" name="q" value="${h(query.q ?? '')}" maxlength="200"></label>
<label>${h(t('worklist.cases.year'))}<select name="year">${any}${years}</select></label>
<label>${h(t('worklist.cases.category'))}<select name="category">${any}${categories}</select></label>
<label>${h(t('worklist.cases.modality'))}<select name="modality">${any}${modalities}</select></label>
<label>${h(t('worklist.cases.preparedBy'))}<select name="preparedBy">${any}${preparers}</select></label>
<label>${h(t('worklist.cases.retiredFilter'))}<select name="retired">${retired}</select></label>
<button type="submit" class="button">${h(t('worklist.filter.apply'))}</button>
</form>`;
  const studyList = `<a href="${h(viewerBase(context.viewerPath))}">${h(t('worklist.studyList'))}</a>`;
  // The hint's words are escaped; only the link placed into them is markup.
  const hint = `<p class="hint" data-testid="worklist-new-case-hint">${h(t('worklist.cases.newHint')).replace('{studyList}', studyList)}</p>`;
  const head = ['worklist.col.case', 'worklist.cases.year', 'worklist.cases.category', 'worklist.cases.modality', 'worklist.cases.preparedBy', 'worklist.cases.usage'] as const;
  const table =
    library.rows.length === 0
      ? `<p class="empty">${h(t('worklist.cases.empty'))}</p>`
      : `<table class="list" data-testid="worklist-case-table"><thead><tr>${head.map(key => `<th${key === 'worklist.cases.usage' ? ' class="number"' : ''}>${h(t(key))}</th>`).join('')}<th></th></tr></thead><tbody>${library.rows.map(entry => caseRow(context, entry)).join('')}</tbody></table>`;
  const left = library.total - library.rows.length;
  const more = left > 0 ? `<a class="more" href="${h(pageLink(context, { casePages: Math.ceil(library.rows.length / PAGE_SIZE) + 1 }, 'worklist-cases'))}">${h(t('worklist.more', { count: left }))}</a>` : '';
  return section('worklist-cases', t('worklist.cases'), `${hint}${filters}${table}${more}`, library.total);
}
