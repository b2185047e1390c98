import { memo, useMemo } from 'react';
import { toolName, type Language, type Translate } from '../../../src/core/i18n';
import { FINDING_KIND_LABELS } from '../../../src/core/labels/workLabels';
import type { Finding } from '../../../src/core/session/stageWork';
import { DEFAULT_SIGN_VOCABULARY, signsFor, vocabularyModality } from '../../../src/core/vocabulary';
import { REFERENCE } from '../../host/annotationStyle';
import type { CasePreparation, ReferenceLabelling } from '../../service/casePreparation';
import type { DrawnAnnotation } from '../../service/drawnAnnotation';
import { HOST } from '../hostClasses';
import { CloseIcon } from '../icons';
import { inLanguage } from '../inLanguage';
import { FindingTextFields } from '../stages/FindingTextFields';
import { SignLabelPicker } from '../stages/SignLabelPicker';
import { useTeaching } from '../useTeaching';
import { FieldProblem } from './FieldProblem';
import type { PreparationProps } from './preparationProps';
import { PreparationSection } from './PreparationSection';
import { usePreparation } from './usePreparation';

/** How a reference drawing is named on its chip: its label, else its tool and what it measures. */
const drawingName = (drawing: DrawnAnnotation, t: Translate) => drawing.label.trim() || [toolName(t, drawing.toolName), ...drawing.values.slice(0, 1)].join(' ');

interface ReferenceFindingProps {
  finding: Finding;
  position: number;
  /** Every reference drawing, for the chips and the list to link from. */
  drawings: readonly DrawnAnnotation[];
  labelling: ReferenceLabelling | undefined;
  modality: string;
  department: ReturnType<PreparationProps['service']['departmentSigns']>;
  preparation: CasePreparation;
  language: Language;
  t: Translate;
}

/** One reference sign with the drawings that show it. Memoised, so typing in one sign re-renders that one. */
const ReferenceFinding = memo(function ReferenceFinding({ finding, position, drawings, labelling, modality, department, preparation, language, t }: ReferenceFindingProps) {
  const change = (patch: Partial<Finding>) => preparation.editFinding(finding.id, patch);
  const linked = finding.annotationIds.map(uid => drawings.find(drawing => drawing.uid === uid) ?? { uid, toolName: '', label: uid, values: [] });
  const linkable = drawings.filter(drawing => !finding.annotationIds.includes(drawing.uid));
  return (
    <div className="ohif-teaching__finding" data-testid="case-finding" data-kind={finding.kind} data-annotations={finding.annotationIds.join(' ')}>
      <div className="ohif-teaching__field-head">
        <span className="ohif-teaching__tag">{position}</span>
        <span className="flex-1">{inLanguage(FINDING_KIND_LABELS[finding.kind], language)}</span>
        <button className={HOST.textButton} data-testid="case-finding-delete" onClick={() => preparation.removeFinding(finding.id)}>
          {t('findings.deleteFinding')}
        </button>
      </div>
      {labelling && (
        <SignLabelPicker
          key={finding.id}
          service={preparation}
          labelling={labelling}
          terms={signsFor(modality, DEFAULT_SIGN_VOCABULARY, department)}
          modality={vocabularyModality(modality) && modality}
          language={language}
          t={t}
        />
      )}
      <FindingTextFields finding={finding} editable testIdPrefix="case-finding" onChange={change} t={t} />
      <div className="ohif-teaching__chips">
        {linked.map(drawing => (
          <span key={drawing.uid} className="ohif-teaching__chip" data-testid="case-finding-chip" data-uid={drawing.uid}>
            <span className="ohif-teaching__author-marker" style={{ background: REFERENCE }} aria-hidden="true" />
            <button className="ohif-teaching__chip-name" onClick={() => preparation.jumpTo(drawing.uid)}>
              {drawingName(drawing, t)}
            </button>
            <button
              className="ohif-teaching__chip-remove"
              aria-label={t('casePrep.unlink', { name: drawingName(drawing, t) })}
              title={t('casePrep.unlink', { name: drawingName(drawing, t) })}
              data-testid="case-finding-unlink"
              onClick={() => preparation.unlinkDrawing(finding.id, drawing.uid)}
            >
              <CloseIcon />
            </button>
          </span>
        ))}
        <select
          className="ohif-teaching__select"
          value=""
          aria-label={t('casePrep.linkDrawing')}
          disabled={linkable.length === 0}
          data-testid="case-finding-link"
          onChange={event => event.target.value && preparation.linkDrawing(finding.id, event.target.value)}
        >
          <option value="">{drawings.length === 0 ? t('casePrep.noDrawings') : t('casePrep.linkDrawing')}</option>
          {linkable.map(drawing => (
            <option key={drawing.uid} value={drawing.uid}>
              {drawingName(drawing, t)}
            </option>
          ))}
        </select>
      </div>
      {!labelling && (
        <div className="ohif-teaching__actions">
          <button className={HOST.textButton} data-testid="case-finding-choose-sign" onClick={() => preparation.startLabelling(finding.id)}>
            {t('vocabulary.choose')}
          </button>
        </div>
      )}
    </div>
  );
});

/**
 * The reference findings: positive signs and the negative signs that matter, each with its
 * description, location and pathology, and the reference drawings that show it, as chips.
 */
export const ReferenceFindings = memo(function ReferenceFindings({ preparation, service, language, t }: PreparationProps) {
  const findings = usePreparation(preparation, state => state.form.findings);
  const labelling = usePreparation(preparation, state => state.labelling);
  const modality = usePreparation(preparation, state => state.form.modality);
  const drawings = useTeaching(service, state => state.annotations);
  const department = useMemo(() => service.departmentSigns(), [service]);
  return (
    <PreparationSection title={t('casePrep.sectionFindings')} testId="case-findings">
      <div className="ohif-teaching__hint">{t('casePrep.findingsHint')}</div>
      {findings.map((finding, index) => (
        <ReferenceFinding
          key={finding.id}
          finding={finding}
          position={index + 1}
          drawings={drawings}
          labelling={labelling?.findingId === finding.id ? labelling : undefined}
          modality={modality}
          department={department}
          preparation={preparation}
          language={language}
          t={t}
        />
      ))}
      <FieldProblem preparation={preparation} field="findings" language={language} />
      <div className="ohif-teaching__actions">
        <button className={HOST.textButton} data-testid="case-add-positive" onClick={() => preparation.addFinding('positive')}>
          {t('casePrep.addPositive')}
        </button>
        <button className={HOST.textButton} data-testid="case-add-negative" onClick={() => preparation.addFinding('negative')}>
          {t('casePrep.addNegative')}
        </button>
      </div>
    </PreparationSection>
  );
});
