import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { exactSign, filterSigns, type SignTerm } from '../../../src/core/vocabulary';
import type { SignLabelling, TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';

/** Someone is writing in a field: a drawing finished meanwhile must not take their keyboard. */
function typingElsewhere(): boolean {
  const active = document.activeElement as HTMLElement | null;
  if (!active || active === document.body) return false;
  return active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName);
}

type Option = { kind: 'sign'; term: SignTerm } | { kind: 'typed'; text: string };

/** Who keeps the naming's state and names the finding: the session's 4.3, or a case's reference findings. */
export type SignNaming = Pick<TeachingService, 'editLabelling' | 'cancelLabelling' | 'labelFinding'>;

const textOf = (option: Option, language: Language) => (option.kind === 'typed' ? option.text : language === 'zh-CN' ? option.term.zh : option.term.en);

/**
 * Names a finding from the department's sign vocabulary for the study's modality, or in the
 * person's own words (the host's own label dialog allows only the list). Typing filters the list in
 * either language; the arrow keys and Enter or a click take a sign, Enter with no sign chosen keeps
 * the text as typed, and Escape closes it leaving the finding as it was.
 */
export function SignLabelPicker({
  service,
  labelling,
  terms,
  modality,
  language,
  t,
}: {
  service: SignNaming;
  labelling: SignLabelling;
  terms: readonly SignTerm[];
  /** The modality whose vocabulary is listed; undefined when the study's is unknown and every list is offered. */
  modality: string | undefined;
  language: Language;
  t: Translate;
}) {
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const { findingId, text } = labelling;
  const matches = filterSigns(terms, text);
  const typed = text.trim();
  const options: Option[] = [...matches.map(term => ({ kind: 'sign', term }) as const)];
  if (typed && !exactSign(terms, typed)) options.push({ kind: 'typed', text: typed });
  const [active, setActive] = useState(0);
  const current = Math.min(active, options.length - 1);

  useEffect(() => {
    if (!labelling.fromDrawing || !typingElsewhere()) input.current?.focus();
    // Once per finding named: later renders must not pull the keyboard back.
  }, [findingId]);

  const take = (option: Option | undefined) => {
    if (option) service.labelFinding(findingId, textOf(option, language));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      take(options[current]);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      service.cancelLabelling();
    }
  };
  const optionId = (index: number) => `${listId}-${index}`;

  return (
    <div className="ohif-teaching__picker" data-testid="teaching-sign-picker" data-finding={findingId}>
      <div className="ohif-teaching__rename">
        <input
          ref={input}
          className="ohif-teaching__input"
          role="combobox"
          aria-expanded
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={options.length > 0 ? optionId(current) : undefined}
          aria-label={t('vocabulary.label')}
          placeholder={t('vocabulary.placeholder')}
          value={text}
          data-testid="teaching-sign-input"
          onChange={event => {
            setActive(0);
            service.editLabelling(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button className={HOST.textButton} data-testid="teaching-sign-close" onClick={() => service.cancelLabelling()}>
          {t('vocabulary.close')}
        </button>
      </div>
      <div className="ohif-teaching__hint">
        {t('vocabulary.list', { modality: modality ?? t('vocabulary.allModalities') })} · {t('vocabulary.keys')}
      </div>
      <ul className="ohif-teaching__picker-list" id={listId} role="listbox" aria-label={t('vocabulary.label')}>
        {options.map((option, index) => (
          <li
            key={option.kind === 'sign' ? option.term.zh : '\u0000typed'}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            className={`ohif-teaching__picker-option${index === current ? ' ohif-teaching__picker-option--active' : ''}`}
            data-testid="teaching-sign-option"
            data-kind={option.kind}
            // Keeps the keyboard in the text box, so a click takes the sign as Enter does.
            onMouseDown={event => event.preventDefault()}
            onMouseMove={() => index !== current && setActive(index)}
            onClick={() => take(option)}
          >
            {option.kind === 'sign' ? (
              <>
                <span className="ohif-teaching__picker-zh" lang="zh-CN">
                  {option.term.zh}
                </span>
                <span className="ohif-teaching__picker-en" lang="en">
                  {option.term.en}
                </span>
              </>
            ) : (
              <span>{t('vocabulary.keepTyped', { text: option.text })}</span>
            )}
          </li>
        ))}
      </ul>
      {matches.length === 0 && typed && <div className="ohif-teaching__hint">{t('vocabulary.noMatch')}</div>}
    </div>
  );
}
