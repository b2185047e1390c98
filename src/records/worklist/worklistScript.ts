/**
 * The page's one script (CSP nonce): it schedules a session through the sessions API and shows a
 * refusal beside the form, duplicates and retires cases, fetches next-case suggestions and lists them
 * with DOM text only (a title is whatever a tutor typed), signs out, and marks the page ready for
 * whoever waits for it (the benchmark, the browser tests).
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
      return { message: message || 'HTTP ' + response.status, field: body.field };
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

  document.documentElement.dataset.ready = 'true';
})();
`;
