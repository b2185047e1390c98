/**
 * The page's one script (CSP nonce): it schedules a session through the sessions API and shows a
 * refusal beside the form, duplicates and retires cases, fetches next-case suggestions and lists them
 * with DOM text only (a title is whatever a tutor typed), lets an administrator edit the category
 * list and save it in one request, signs out, and marks the page ready for whoever waits for it (the
 * benchmark, the browser tests).
 */
export const WORKLIST_SCRIPT = `(() => {
  const text = JSON.parse(document.getElementById('worklist-text').textContent);
  const language = document.documentElement.lang;
  const fill = (template, values) => template.replace(/\\{(\\w+)\\}/g, (match, name) => (name in values ? String(values[name]) : match));
  const show = (element, message) => { element.textContent = message; element.hidden = !message; };

  async function refusal(response) {
    try {
      const body = await response.json();
      const message = (body.messages && (language === 'en' ? body.messages.en : body.messages.zh)) || body.message;
      return { message: message || 'HTTP ' + response.status, field: body.field, code: body.code };
    } catch (error) {
      return { message: 'HTTP ' + response.status };
    }
  }

  async function send(method, url, body) {
    const init = { method, credentials: 'same-origin', headers: { 'x-teaching-language': language } };
    if (method !== 'GET') {
      init.headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      return { ok: false, message: text.offline };
    }
    if (!response.ok) return Object.assign({ ok: false }, await refusal(response));
    return { ok: true, body: await response.json().catch(() => null) };
  }

  const signOut = document.querySelector('[data-action="sign-out"]');
  if (signOut) signOut.addEventListener('click', async () => {
    signOut.disabled = true;
    await send('POST', '/api/auth/sign-out');
    location.assign(text.signInPath);
  });

  const form = document.querySelector('[data-testid="worklist-schedule-form"]');
  if (form) {
    const error = form.querySelector('[data-testid="worklist-schedule-error"]');
    const button = form.querySelector('button[type="submit"]');
    const labelOf = field => form.querySelector('label[for="' + field.id + '"]').textContent;
    form.addEventListener('submit', async event => {
      event.preventDefault();
      show(error, '');
      for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
      const fields = Array.from(form.elements).filter(field => field.name);
      const missing = fields.filter(field => field.required && !field.value.trim());
      if (missing.length) {
        for (const field of missing) field.setAttribute('aria-invalid', 'true');
        show(error, fill(text.missing, { fields: missing.map(labelOf).join(text.separator) }));
        missing[0].focus();
        return;
      }
      const body = {};
      for (const field of fields) body[field.name] = field.value.trim();
      // Every time on the page is Beijing time, and so is the one typed here.
      body.plannedAt = (body.plannedAt.length === 16 ? body.plannedAt + ':00' : body.plannedAt) + '+08:00';
      button.disabled = true;
      button.textContent = text.sending;
      const result = await send('POST', '/api/sessions', body);
      if (result.ok) {
        const next = new URL(location.href);
        next.searchParams.set('scheduled', result.body.session.id);
        next.hash = 'worklist-upcoming';
        location.assign(next.toString());
        return;
      }
      button.disabled = false;
      button.textContent = text.submit;
      show(error, fill(text.failed, { message: result.message }));
      const field = result.field && form.elements.namedItem(result.field);
      if (field && field.setAttribute) {
        field.setAttribute('aria-invalid', 'true');
        field.focus();
      }
    });
  }

  for (const button of document.querySelectorAll('[data-case-action]')) {
    button.addEventListener('click', async () => {
      const row = button.closest('tr');
      const path = '/api/cases/' + encodeURIComponent(row.dataset.caseId);
      const error = row.querySelector('.error');
      button.disabled = true;
      show(error, '');
      const result = button.dataset.caseAction === 'duplicate'
        ? await send('POST', path + '/duplicate')
        : await send('POST', path + '/retire', { retired: button.dataset.retired === 'true' });
      if (result.ok) return location.reload();
      button.disabled = false;
      show(error, fill(text.failed, { message: result.message }));
    });
  }

  const nextForm = document.querySelector('[data-testid="worklist-next-form"]');
  if (nextForm) {
    const chosen = nextForm.elements.namedItem('residentId');
    const status = document.querySelector('[data-testid="worklist-next-status"]');
    const list = document.querySelector('[data-testid="worklist-suggestions"]');
    const element = (tag, className, content) => {
      const made = document.createElement(tag);
      if (className) made.className = className;
      if (content !== undefined) made.textContent = content;
      return made;
    };
    const scheduleThis = (residentId, caseId) => {
      if (!form) return;
      form.elements.namedItem('residentId').value = residentId;
      const caseField = form.elements.namedItem('caseId');
      caseField.value = caseId;
      form.scrollIntoView({ block: 'start' });
      form.elements.namedItem('plannedAt').focus();
    };
    const suggest = async () => {
      list.replaceChildren();
      const residentId = chosen.value;
      if (!residentId) return;
      show(status, text.nextLoading);
      const result = await send('GET', '/api/residents/' + encodeURIComponent(residentId) + '/next-cases?limit=5');
      if (chosen.value !== residentId) return;
      if (!result.ok) return show(status, fill(text.failed, { message: result.message }));
      const suggestions = result.body.suggestions;
      show(status, suggestions.length ? '' : text.nextNone);
      for (const suggestion of suggestions) {
        const item = element('li', 'suggestion');
        item.dataset.caseId = suggestion.caseId;
        const head = element('div', 'suggestion-head');
        head.append(element('span', 'title', suggestion.title), element('span', 'sub', [suggestion.modality, text.categories[suggestion.category] || suggestion.category, fill(text.fit, { fit: suggestion.fit })].join(' · ')));
        const reasons = element('ul', 'reasons');
        for (const reason of suggestion.reasons) reasons.append(element('li', '', language === 'en' ? reason.en : reason.zh));
        item.append(head, reasons);
        if (form) {
          const button = element('button', 'button', text.scheduleThis);
          button.type = 'button';
          button.dataset.testid = 'worklist-schedule-this';
          button.addEventListener('click', () => scheduleThis(residentId, suggestion.caseId));
          item.append(button);
        }
        list.append(item);
      }
    };
    nextForm.addEventListener('submit', event => {
      event.preventDefault();
      suggest();
    });
    chosen.addEventListener('change', suggest);
    if (chosen.value) suggest();
  }

  const editor = document.querySelector('[data-testid="worklist-category-editor"]');
  if (editor) {
    const words = text.categoryEditor;
    const rows = editor.querySelector('tbody');
    const template = document.getElementById(words.template);
    const error = editor.querySelector('[data-testid="worklist-category-error"]');
    const saved = editor.querySelector('[data-testid="worklist-category-saved"]');
    const dirty = editor.querySelector('[data-testid="worklist-category-dirty"]');
    const saveButton = editor.querySelector('[data-category-action="save"]');
    const reloadButton = editor.querySelector('[data-category-action="reload"]');
    const addForm = editor.querySelector('[data-testid="worklist-category-add"]');
    const count = editor.closest('section').querySelector('h2 .count');
    const idPattern = new RegExp(words.identifierPattern);
    const input = (row, name) => row.querySelector('[name="' + name + '"]');
    const read = row => ({ id: row.dataset.categoryId, name: { zh: input(row, 'zh').value.trim(), en: input(row, 'en').value.trim() }, retired: row.dataset.retired === 'true' });
    const listed = () => Array.from(rows.rows).map(read);
    // Saving a list does not change which cases are filed where: the counts read with the page hold.
    const cases = new Map(Array.from(rows.rows, row => [row.dataset.categoryId, Number(row.dataset.cases)]));
    let last = { version: Number(editor.dataset.version), categories: listed() };

    const changed = () => { dirty.hidden = JSON.stringify(listed()) === JSON.stringify(last.categories); };
    const unmark = () => {
      for (const field of editor.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
      for (const row of editor.querySelectorAll('.row--invalid')) row.classList.remove('row--invalid');
      show(error, '');
    };
    const refuse = (message, fields) => {
      show(error, message);
      for (const field of fields) field.setAttribute('aria-invalid', 'true');
      if (fields.length) fields[0].focus();
    };
    const setRetired = (row, retired) => {
      row.dataset.retired = String(retired);
      row.classList.toggle('row--retired', retired);
      row.querySelector('[data-category-retired]').hidden = !retired;
      row.querySelector('[data-category-action="retire"]').textContent = retired ? words.unretire : words.retire;
    };
    const makeRow = (category, isNew) => {
      const row = template.content.firstElementChild.cloneNode(true);
      const used = cases.get(category.id) || 0;
      row.dataset.categoryId = category.id;
      row.dataset.cases = String(used);
      row.querySelector('.category-id').textContent = category.id;
      input(row, 'zh').value = category.name.zh;
      input(row, 'en').value = category.name.en;
      row.querySelector('[data-testid="worklist-category-cases"]').textContent = String(used);
      row.querySelector('[data-category-new]').hidden = !isNew;
      const remove = row.querySelector('[data-category-action="remove"]');
      remove.disabled = used > 0;
      if (used > 0) remove.title = fill(words.inUse, { count: used });
      setRetired(row, category.retired);
      return row;
    };
    const render = categories => {
      rows.replaceChildren(...categories.map(category => makeRow(category, false)));
      if (count) count.textContent = String(categories.length);
      changed();
    };
    const missingNames = fields => {
      const missing = fields.filter(field => !field.value.trim());
      if (missing.length) refuse(fill(text.missing, { fields: Array.from(new Set(missing.map(field => words[field.name]))).join(text.separator) }), missing);
      return missing.length > 0;
    };

    rows.addEventListener('input', () => { show(saved, ''); changed(); });
    rows.addEventListener('click', event => {
      const button = event.target.closest('[data-category-action]');
      if (!button || button.disabled) return;
      const row = button.closest('tr');
      show(saved, '');
      if (button.dataset.categoryAction === 'retire') setRetired(row, row.dataset.retired !== 'true');
      else row.remove();
      changed();
    });

    // An id from the English name: its letters and digits in lower case, the rest as single dashes.
    const slug = name => name.normalize('NFKD').replace(/[\\u0300-\\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, words.identifierMaxLength).replace(/-+$/, '');
    const newZh = addForm.elements.namedItem('zh');
    const newEn = addForm.elements.namedItem('en');
    const newId = addForm.elements.namedItem('id');
    newEn.addEventListener('input', () => { newId.placeholder = slug(newEn.value) || words.idHint; });
    addForm.addEventListener('input', unmark);
    addForm.addEventListener('submit', event => {
      event.preventDefault();
      unmark();
      show(saved, '');
      if (missingNames([newZh, newEn])) return;
      const id = newId.value.trim() || slug(newEn.value);
      if (!id) return refuse(words.noId, [newId]);
      if (id.length > words.identifierMaxLength || !idPattern.test(id)) return refuse(words.badId, [newId]);
      if (listed().some(category => category.id === id)) return refuse(fill(words.takenId, { id }), [newId]);
      rows.append(makeRow({ id, name: { zh: newZh.value.trim(), en: newEn.value.trim() }, retired: false }, true));
      addForm.reset();
      newId.placeholder = words.idHint;
      changed();
      newZh.focus();
    });

    editor.querySelector('[data-category-action="discard"]').addEventListener('click', () => {
      unmark();
      show(saved, '');
      render(last.categories);
    });
    reloadButton.addEventListener('click', () => location.reload());
    saveButton.addEventListener('click', async () => {
      unmark();
      show(saved, '');
      if (missingNames(Array.from(rows.querySelectorAll('input')))) return;
      saveButton.disabled = true;
      saveButton.textContent = words.saving;
      const result = await send('PUT', '/api/categories', { version: last.version, categories: listed() });
      saveButton.disabled = false;
      saveButton.textContent = words.save;
      if (result.ok) {
        last = { version: result.body.version, categories: result.body.categories };
        render(last.categories);
        reloadButton.hidden = true;
        show(saved, fill(words.saved, { version: last.version }));
        return;
      }
      // Someone saved since this page read the list: the changes here are kept until the administrator loads the latest.
      if (result.code === 'conflict') reloadButton.hidden = false;
      const path = (result.field || '').split('.');
      const row = path[0] === 'categories' && /^\\d+$/.test(path[1] || '') ? rows.rows[Number(path[1])] : undefined;
      if (row) row.classList.add('row--invalid');
      const field = row && path[2] === 'name' && input(row, path[3]);
      refuse(fill(text.failed, { message: result.message }), field ? [field] : []);
    });
  }

  document.documentElement.dataset.ready = 'true';
})();
`;
