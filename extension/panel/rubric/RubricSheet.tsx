import { createContext, useContext, type ReactNode } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { ReportSheet, SheetItem, SheetSection, VetoItem } from '../../../src/core/rubric/rubricSchema';
import type { ReportEvaluationInput } from '../../../src/core/rules/sessionCommand';
import type { SheetResult } from '../../../src/core/scoring/sheetResult';
import { inLanguage } from '../inLanguage';
import { enteredPoints, withItemRemark, withItemScore, withNotApplicable, withVeto } from './sheetEditing';

interface SheetContext {
  sheet: ReportSheet;
  input: ReportEvaluationInput;
  result: SheetResult;
  readOnly: boolean;
  language: Language;
  t: Translate;
  /** A change to the sheet, from the item it was made in. */
  edit(next: ReportEvaluationInput, itemId?: string): void;
  /** A change the rules would refuse, held on screen with their reason beside its item. */
  held?: { itemId?: string; message: string };
}

const Context = createContext<SheetContext | null>(null);

function useSheet(part: string): SheetContext {
  const context = useContext(Context);
  if (!context) throw new Error(`RubricSheet.${part} must be used inside RubricSheet`);
  return context;
}

function Root({ children, ...context }: SheetContext & { children: ReactNode }) {
  return (
    <Context.Provider value={context}>
      <div className="ohif-teaching__sheet" data-testid="teaching-sheet" data-sheet={context.sheet.id} data-read-only={context.readOnly}>
        {children}
      </div>
    </Context.Provider>
  );
}

/** A section of the sheet: its title, what it has earned so far of its points, then its items. */
function Section({ section, children }: { section: SheetSection; children: ReactNode }) {
  const { result, language, t } = useSheet('Section');
  const score = result.sections.find(entry => entry.sectionId === section.id);
  return (
    <section className="ohif-teaching__sheet-section" data-testid="teaching-sheet-section" data-section={section.id}>
      <div className="ohif-teaching__sheet-section-head">
        <span className="flex-1">{inLanguage(section.title, language)}</span>
        <span className="ohif-teaching__sheet-number" data-testid="teaching-sheet-section-score">
          {t('sheet.section', { score: score?.score ?? 0, max: section.points })}
        </span>
      </div>
      {children}
    </section>
  );
}

/** One item: its points (given or taken off, as the sheet scores), not applicable where allowed, a remark. */
function Item({ item }: { item: SheetItem }) {
  const { sheet, input, result, readOnly, language, t, edit, held } = useSheet('Item');
  const notApplicable = input.sheet.notApplicable.includes(item.id);
  const entered = input.sheet.items[item.id];
  const label = inLanguage(item.label, language);
  const earned = result.itemScores[item.id];
  const unscored = result.unscored.includes(item.id);
  return (
    <div className={`ohif-teaching__sheet-item${unscored ? ' ohif-teaching__sheet-item--unscored' : ''}`} data-testid="teaching-sheet-item" data-item={item.id}>
      <div className="ohif-teaching__sheet-label">{label}</div>
      <div className="ohif-teaching__rename">
        <input
          className="ohif-teaching__input ohif-teaching__score"
          type="number"
          min={0}
          max={item.points}
          step={sheet.step}
          aria-label={t(sheet.scoring === 'deduct' ? 'sheet.itemDeduction' : 'sheet.itemScore', { item: label })}
          disabled={notApplicable}
          readOnly={readOnly}
          value={entered === undefined || Number.isNaN(entered) ? '' : entered}
          data-testid="teaching-sheet-item-score"
          onChange={event => edit(withItemScore(input, item.id, enteredPoints(event.target.value)), item.id)}
        />
        <span className="ohif-teaching__hint ohif-teaching__sheet-max">{t('sheet.outOf', { max: item.points })}</span>
        {sheet.scoring === 'deduct' && earned !== undefined && <span className="ohif-teaching__hint">{t('sheet.earned', { points: earned })}</span>}
        <input
          className="ohif-teaching__input"
          placeholder={readOnly ? '' : t('sheet.itemRemark')}
          aria-label={t('sheet.itemRemark')}
          readOnly={readOnly}
          value={input.sheet.itemRemarks[item.id] ?? ''}
          data-testid="teaching-sheet-item-remark"
          onChange={event => edit(withItemRemark(input, item.id, event.target.value), item.id)}
        />
      </div>
      {item.mayNotApply && (
        <label className="ohif-teaching__hint">
          <input
            type="checkbox"
            checked={notApplicable}
            disabled={readOnly}
            data-testid="teaching-sheet-item-na"
            onChange={event => edit(withNotApplicable(input, item.id, event.target.checked), item.id)}
          />{' '}
          {t('sheet.notApplicable')}
        </label>
      )}
      {held?.itemId === item.id && (
        <div className="ohif-teaching__hint ohif-teaching__alarm" role="alert" data-testid="teaching-sheet-problem">
          {t('sheet.notSent', { message: held.message })}
        </div>
      )}
    </div>
  );
}

/** The veto items (一票否决), set apart from the points: any one ticked makes the report score 0. */
function Vetoes({ children }: { children: ReactNode }) {
  const { result, t } = useSheet('Vetoes');
  return (
    <section className={`ohif-teaching__vetoes${result.vetoed ? ' ohif-teaching__vetoes--vetoed' : ''}`} data-testid="teaching-sheet-vetoes">
      <div className="ohif-teaching__sheet-section-head">
        <span className="flex-1">{t('sheet.vetoes')}</span>
      </div>
      <div className="ohif-teaching__hint">{t('sheet.vetoRule')}</div>
      {children}
    </section>
  );
}

function Veto({ veto }: { veto: VetoItem }) {
  const { input, readOnly, language, edit } = useSheet('Veto');
  const ticked = input.sheet.vetoes.includes(veto.id);
  return (
    <label className={`ohif-teaching__veto${ticked ? ' ohif-teaching__veto--ticked' : ''}`} data-testid="teaching-sheet-veto" data-veto={veto.id}>
      <input type="checkbox" checked={ticked} disabled={readOnly} data-testid="teaching-sheet-veto-tick" onChange={event => edit(withVeto(input, veto.id, event.target.checked))} />
      <span>{inLanguage(veto.label, language)}</span>
    </label>
  );
}

/** The total and rating as the core reckons them, what is still unscored, and a veto's consequence. */
function Total() {
  const { result, language, t } = useSheet('Total');
  return (
    <div className="ohif-teaching__sheet-total" data-testid="teaching-sheet-summary" data-complete={result.complete} data-vetoed={result.vetoed}>
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('sheet.total')}</span>
        <span className="ohif-teaching__sheet-number text-foreground" data-testid="teaching-sheet-total">
          {t('sheet.totalValue', { total: result.total, max: result.max })}
        </span>
      </div>
      <div className="ohif-teaching__field-head">
        <span className="flex-1">{t('sheet.band')}</span>
        <span className={result.band ? 'text-foreground' : 'ohif-teaching__hint'} data-testid="teaching-sheet-band" data-band={result.band?.id ?? ''}>
          {result.band ? inLanguage(result.band.label, language) : t('sheet.noBand')}
        </span>
      </div>
      {result.vetoed && (
        <div className="ohif-teaching__alarm" role="status" data-testid="teaching-sheet-vetoed">
          {t('sheet.vetoed', { itemTotal: result.itemTotal })}
        </div>
      )}
      <div className="ohif-teaching__hint" data-testid="teaching-sheet-unscored" data-count={result.unscored.length}>
        {result.unscored.length > 0 ? t('sheet.unscored', { count: result.unscored.length }) : t('sheet.allScored')}
      </div>
    </div>
  );
}

/** The report quality sheet as compound parts around one context holding the sheet, its scores and whether they may change. */
export const RubricSheet = Object.assign(Root, { Section, Item, Vetoes, Veto, Total });
