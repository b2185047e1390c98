import type { PageMessageKey } from '../../core/i18n/pageMessages';
import { escapeHtml as h } from '../print/escapeHtml';
import type { SessionListing } from '../repository/RecordsRepository';
import { teachingUrl } from '../routes/landingPage';
import { caseTitle, dateTime, localized, pageLink, personName, type PageContext } from './pageContext';
import type { ListPage } from './worklistData';
import { PAGE_SIZE } from './worklistData';

export type SessionColumn = 'planned' | 'place' | 'case' | 'tutor' | 'resident' | 'status' | 'score' | 'signedOff';

const HEADINGS: Record<SessionColumn, PageMessageKey> = {
  planned: 'worklist.col.planned',
  place: 'worklist.col.place',
  case: 'worklist.col.case',
  tutor: 'worklist.col.tutor',
  resident: 'worklist.col.resident',
  status: 'worklist.col.status',
  score: 'worklist.col.score',
  signedOff: 'worklist.col.signedOff',
};

/** Where the session stands, and what its tutor owes it, in words. */
export function sessionStatus(context: PageContext, listing: SessionListing): string {
  const { t } = context;
  const { summary } = listing;
  const phase = t(`worklist.status.${summary.phase}`);
  const clock = summary.phase === 'inProgress' && (summary.clock === 'paused' || summary.clock === 'ended') ? ` · ${t(`worklist.clock.${summary.clock}`)}` : '';
  const turn =
    summary.tutorTurn === 'scoring'
      ? `<span class="tag tag--turn">${h(t('worklist.turn.scoring', { stages: summary.waitingStages.join(context.language === 'en' ? ', ' : '、') }))}</span>`
      : summary.tutorTurn === 'signOff'
        ? `<span class="tag tag--turn">${h(t('worklist.turn.signOff'))}</span>`
        : '';
  return `<span class="phase phase--${h(summary.phase)}">${h(phase + clock)}</span>${turn}`;
}

function score(context: PageContext, listing: SessionListing): string {
  const { sheet } = listing.summary;
  if (!sheet) return `<span class="quiet">${h(context.t('worklist.noScore'))}</span>`;
  const band = sheet.band ? ` <span class="band">${h(localized(context, sheet.band))}</span>` : '';
  return `<span class="score" data-score>${h(`${Math.round(sheet.total * 100) / 100} / ${sheet.max}`)}</span>${band}`;
}

function cell(context: PageContext, listing: SessionListing, column: SessionColumn, isNew: boolean): string {
  switch (column) {
    case 'planned':
      return `<td class="nowrap">${h(dateTime(listing.summary.plannedAt))}</td>`;
    case 'place':
      return `<td>${h(listing.summary.place)}</td>`;
    case 'case': {
      const badge = isNew ? ` <span class="tag tag--new" data-testid="worklist-new" title="${h(context.t('worklist.newHint'))}">${h(context.t('worklist.new'))}</span>` : '';
      return `<td class="title">${h(caseTitle(context, listing.caseId))}${badge}</td>`;
    }
    case 'tutor':
      return `<td class="nowrap">${h(personName(context, listing.tutorId))}</td>`;
    case 'resident':
      return `<td class="nowrap">${h(personName(context, listing.residentId))}</td>`;
    case 'status':
      return `<td>${sessionStatus(context, listing)}</td>`;
    case 'score':
      return `<td class="nowrap">${score(context, listing)}</td>`;
    case 'signedOff':
      return `<td class="nowrap">${h(dateTime(listing.summary.signedOffAt))}</td>`;
  }
}

/** The viewer link of a session's row: its case's first study in teaching mode, in one click. */
export function openLink(context: PageContext, caseId: string): string {
  const study = context.data.cases.get(caseId)?.study;
  if (!study) return '';
  return `<a class="button button--primary" data-testid="worklist-open" href="${h(teachingUrl(context.viewerPath, study))}">${h(context.t('worklist.open'))}</a>`;
}

export interface SessionTableOptions {
  id: string;
  columns: SessionColumn[];
  empty: PageMessageKey;
  /** The page parameter that shows one more page of this list. */
  pagesParameter?: 'upcomingPages' | 'inProgressPages' | 'signedOffPages' | 'waitingPages';
  isNew?: (listing: SessionListing) => boolean;
  /** The session to point out (just scheduled from this page). */
  highlight?: string;
}

export function sessionTable(context: PageContext, list: ListPage<SessionListing>, options: SessionTableOptions): string {
  const { t } = context;
  if (list.rows.length === 0) return `<p class="empty" data-testid="worklist-empty">${h(t(options.empty))}</p>`;
  const head = options.columns.map(column => `<th>${h(t(HEADINGS[column]))}</th>`).join('');
  const rows = list.rows
    .map(listing => {
      const isNew = options.isNew?.(listing) ?? false;
      const classes = [isNew ? 'row--new' : '', options.highlight === listing.id ? 'row--highlight' : ''].filter(Boolean).join(' ');
      return `<tr data-session-id="${h(listing.id)}"${classes ? ` class="${classes}"` : ''}>${options.columns.map(column => cell(context, listing, column, isNew)).join('')}<td class="actions">${openLink(context, listing.caseId)}</td></tr>`;
    })
    .join('');
  const left = list.total - list.rows.length;
  const parameter = options.pagesParameter;
  const more =
    left > 0 && parameter
      ? `<a class="more" data-testid="worklist-more" href="${h(pageLink(context, { [parameter]: Math.ceil(list.rows.length / PAGE_SIZE) + 1 }, options.id))}">${h(t('worklist.more', { count: left }))}</a>`
      : '';
  return `<table class="list"><thead><tr>${head}<th></th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

/** A card of the page with its heading and a count beside it. */
export function section(id: string, title: string, body: string, count?: number): string {
  const badge = count === undefined ? '' : ` <span class="count">${count}</span>`;
  return `<section class="card" id="${h(id)}" data-testid="${h(id)}"><h2>${h(title)}${badge}</h2>${body}</section>`;
}
