import type { DepartmentCategory } from '../../core/library/departmentCategory';
import { IDENTIFIER_MAX_LENGTH, IDENTIFIER_PATTERN } from '../../core/schema/common';
import { escapeHtml as h } from '../print/escapeHtml';
import type { PageContext } from './pageContext';
import { section } from './sessionTable';

export const CATEGORY_ROW_TEMPLATE = 'worklist-category-row';

/**
 * One entry of the list as the administrator edits it. The page's script builds rows it adds, and
 * the rows of a list just saved, from the same markup (the template below), so both look alike.
 */
function categoryRow(context: PageContext, category: DepartmentCategory, cases: number, isNew = false): string {
  const { t } = context;
  const inUse = cases > 0 ? ` disabled title="${h(t('worklist.categories.inUse', { count: cases }))}"` : '';
  return `<tr data-category-id="${h(category.id)}" data-cases="${cases}" data-retired="${category.retired}"${category.retired ? ' class="row--retired"' : ''}>
<td><code class="category-id">${h(category.id)}</code><span class="tag tag--new" data-category-new${isNew ? '' : ' hidden'}>${h(t('worklist.categories.new'))}</span><span class="tag tag--retired" data-category-retired${category.retired ? '' : ' hidden'}>${h(t('worklist.categories.retired'))}</span></td>
<td><input name="zh" value="${h(category.name.zh)}" maxlength="200" lang="zh-CN" aria-label="${h(t('worklist.categories.zh'))}"></td>
<td><input name="en" value="${h(category.name.en)}" maxlength="200" lang="en" aria-label="${h(t('worklist.categories.en'))}"></td>
<td class="number" data-testid="worklist-category-cases">${cases}</td>
<td class="actions"><button type="button" class="button" data-category-action="retire">${h(t(category.retired ? 'worklist.categories.unretire' : 'worklist.categories.retire'))}</button><button type="button" class="button" data-category-action="remove"${inUse}>${h(t('worklist.categories.remove'))}</button></td></tr>`;
}

/**
 * The administrator's editor of the department's category list (病种分类): rename, add, retire and
 * remove entries on the page, then save the whole list with one request at the version read, as the
 * categories API takes it. A category some case is filed under cannot be removed, only retired.
 */
export function categoryEditor(context: PageContext): string {
  const { t, data } = context;
  const cases = data.casesByCategory ?? new Map<string, number>();
  const head = `<thead><tr><th>${h(t('worklist.categories.id'))}</th><th>${h(t('worklist.categories.zh'))}</th><th>${h(t('worklist.categories.en'))}</th><th class="number">${h(t('worklist.categories.cases'))}</th><th></th></tr></thead>`;
  const rows = data.categories.map(category => categoryRow(context, category, cases.get(category.id) ?? 0)).join('');
  const blank = categoryRow(context, { id: '', name: { zh: '', en: '' }, retired: false }, 0, true);
  const body = `<div class="category-editor" data-testid="worklist-category-editor" data-version="${data.categoryVersion ?? 0}">
<p class="hint">${h(t('worklist.categories.hint'))}</p>
<table class="list categories" data-testid="worklist-category-table">${head}<tbody>${rows}</tbody></table>
<template id="${CATEGORY_ROW_TEMPLATE}">${blank}</template>
<form class="filters category-add" data-testid="worklist-category-add" novalidate>
<label>${h(t('worklist.categories.zh'))}<input name="zh" maxlength="200" lang="zh-CN"></label>
<label>${h(t('worklist.categories.en'))}<input name="en" maxlength="200" lang="en"></label>
<label>${h(t('worklist.categories.id'))}<input name="id" maxlength="${IDENTIFIER_MAX_LENGTH}" placeholder="${h(t('worklist.categories.idHint'))}" spellcheck="false"></label>
<button type="submit" class="button">${h(t('worklist.categories.add'))}</button>
</form>
<p class="error" role="alert" data-testid="worklist-category-error" hidden></p>
<div class="category-bar">
<span class="quiet" data-testid="worklist-category-dirty" hidden>${h(t('worklist.categories.unsaved'))}</span>
<span class="notice--done" role="status" data-testid="worklist-category-saved" hidden></span>
<button type="button" class="button" data-category-action="reload" data-testid="worklist-category-reload" hidden>${h(t('worklist.categories.reload'))}</button>
<button type="button" class="button" data-category-action="discard">${h(t('worklist.categories.discard'))}</button>
<button type="button" class="button button--primary" data-category-action="save" data-testid="worklist-category-save">${h(t('worklist.categories.save'))}</button>
</div>
</div>`;
  return section('worklist-categories', t('worklist.categories'), body, data.categories.length);
}

/** The editor's words for the page's script, and the rule an id it makes or is given must keep. */
export function categoryEditorText(context: PageContext) {
  const { t } = context;
  return {
    template: CATEGORY_ROW_TEMPLATE,
    identifierPattern: IDENTIFIER_PATTERN.source,
    identifierMaxLength: IDENTIFIER_MAX_LENGTH,
    zh: t('worklist.categories.zh'),
    en: t('worklist.categories.en'),
    retire: t('worklist.categories.retire'),
    unretire: t('worklist.categories.unretire'),
    inUse: t('worklist.categories.inUse'),
    idHint: t('worklist.categories.idHint'),
    noId: t('worklist.categories.noId'),
    badId: t('worklist.categories.badId'),
    takenId: t('worklist.categories.takenId'),
    save: t('worklist.categories.save'),
    saving: t('worklist.categories.saving'),
    saved: t('worklist.categories.saved'),
  };
}
