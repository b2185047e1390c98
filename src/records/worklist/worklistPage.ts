import { ROLE_LABELS } from '../../core/labels/peopleLabels';
import { escapeHtml as h } from '../print/escapeHtml';
import { SIGN_IN_PATH } from '../routes/authRoutes';
import { viewerBase } from '../routes/landingPage';
import { allSessions } from './allSessions';
import { caseLibrary } from './caseLibrary';
import { categoryEditor, categoryEditorText } from './categoryEditor';
import { nextCase } from './nextCase';
import { localized, pageLink, type PageContext } from './pageContext';
import { residentSections } from './residentSections';
import { scheduleForm } from './scheduleForm';
import { tutorSections } from './tutorSections';
import { WORKLIST_SCRIPT } from './worklistScript';
import { WORKLIST_STYLE } from './worklistStyle';

/** The words the script needs, as JSON that cannot end its element (`<` is written as an escape). */
function scriptText(context: PageContext): string {
  const { t } = context;
  const text = {
    signInPath: `${SIGN_IN_PATH}?lang=${context.language}`,
    offline: t('worklist.offline'),
    failed: t('worklist.failed'),
    missing: t('worklist.schedule.missing'),
    separator: context.language === 'en' ? ', ' : '、',
    sending: t('worklist.schedule.sending'),
    submit: t('worklist.schedule.submit'),
    nextLoading: t('worklist.next.loading'),
    nextNone: t('worklist.next.none'),
    fit: t('worklist.next.fit'),
    scheduleThis: t('worklist.next.schedule'),
    categories: Object.fromEntries(context.data.categories.map(category => [category.id, localized(context, category.name)])),
    ...(context.principal.account.role === 'admin' ? { categoryEditor: categoryEditorText(context) } : {}),
  };
  return JSON.stringify(text).replace(/</g, '\\u003c');
}

function header(context: PageContext): string {
  const { t, principal, language } = context;
  const other = language === 'en' ? 'zh-CN' : 'en';
  return `<header class="top">
<div class="brand"><span class="logo">OHIF</span><span class="product">${h(t('worklist.brand'))}</span></div>
<h1>${h(t('worklist.title'))}</h1>
<a href="${h(viewerBase(context.viewerPath))}" data-testid="worklist-study-list">${h(t('worklist.studyList'))}</a>
<span class="spacer"></span>
<div class="account"><span class="name" data-testid="worklist-account-name">${h(principal.account.name)}</span><span>${h(localized(context, ROLE_LABELS[principal.account.role]))} · ${h(principal.department.name)}</span>
<a href="${h(pageLink(context, { lang: other }))}" lang="${other}" data-testid="worklist-language">${h(t('panel.languageToggle'))}</a>
<button type="button" class="button button--ghost" data-action="sign-out" data-testid="worklist-sign-out">${h(t('worklist.signOut'))}</button></div>
</header>`;
}

/** The whole page for the signed-in person's role; `nonce` lets its one script run under the page's CSP. */
export function worklistPage(context: PageContext, nonce: string): string {
  const role = context.principal.account.role;
  const main =
    role === 'resident'
      ? `<main class="layout"><div class="column">${residentSections(context)}</div></main>`
      : `<main class="layout layout--side"><div class="column">${role === 'tutor' ? tutorSections(context) : allSessions(context)}${caseLibrary(context)}${role === 'admin' ? categoryEditor(context) : ''}</div><aside class="column">${scheduleForm(context)}${nextCase(context)}</aside></main>`;
  return `<!doctype html>
<html lang="${context.language}" data-role="${role}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(context.t('worklist.title'))} · ${h(context.t('worklist.product'))}</title>
<style>${WORKLIST_STYLE}</style>
</head>
<body>
${header(context)}
${main}
<script type="application/json" id="worklist-text">${scriptText(context)}</script>
<script nonce="${nonce}">${WORKLIST_SCRIPT}</script>
</body>
</html>
`;
}
