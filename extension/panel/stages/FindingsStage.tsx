import { memo, useCallback, useMemo, useRef } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { FINDING_KIND_LABELS } from '../../../src/core/labels/workLabels';
import { isResidentOf } from '../../../src/core/rules/permissions';
import type { Finding, FindingsWork } from '../../../src/core/session/stageWork';
import { DEFAULT_SIGN_VOCABULARY, signsFor, vocabularyModality } from '../../../src/core/vocabulary';
import type { DrawnAnnotation } from '../../service/drawnAnnotation';
import type { SignLabelling, TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';
import { FindingTextFields } from './FindingTextFields';
import { SignLabelPicker } from './SignLabelPicker';

/** The modality a finding was seen on: its drawing's series, else the study's first series. */
function modalityOf(service: TeachingService, finding: Finding, annotations: readonly DrawnAnnotation[]): string | undefined {
  const headers = service.studyHeaders();
  const series = annotations.find(annotation => finding.annotationIds.includes(annotation.uid))?.seriesInstanceUID;
  const header = headers?.series.find(item => item.SeriesInstanceUID === series) ?? headers?.study;
  return typeof header?.Modality === 'string' ? header.Modality : undefined;
}

interface FindingRowProps {
  finding: Finding;
  position: number;
  selected: boolean;
  editable: boolean;
  /** Set on the row whose sign is being chosen from the vocabulary. */
  labelling: SignLabelling | undefined;
  /** The drawings, for the modality of the row being labelled only: other rows do not re-render as drawings change. */
  annotations: readonly DrawnAnnotation[] | undefined;
  department: ReturnType<TeachingService['departmentSigns']>;
  onChange: (id: string, patch: Partial<Finding>) => void;
  service: TeachingService;
  language: Language;
  t: Translate;
}

/**
 * One sign. Memoised: a new drawing, or typing in another sign, leaves this row's props as they
 * were, so with 200 signs in the session one change re-renders one row.
 */
const FindingRow = memo(function FindingRow({ finding, position, selected, editable, labelling, annotations, department, onChange, service, language, t }: FindingRowProps) {
  const linked = finding.annotationIds.length > 0;
  const naming = labelling !== undefined;
  const modality = annotations ? modalityOf(service, finding, annotations) : undefined;
  const change = (patch: Partial<Finding>) => onChange(finding.id, patch);
  return (
    <div
      className={`ohif-teaching__finding${selected ? ' ohif-teaching__finding--selected' : ''}`}
      data-testid="teaching-finding"
      data-kind={finding.kind}
      data-annotations={finding.annotationIds.join(' ')}
    >
      <div className="ohif-teaching__field-head">
        <span className="ohif-teaching__tag">{position}</span>
        <span className="flex-1">{inLanguage(FINDING_KIND_LABELS[finding.kind], language)}</span>
        {linked && (
          <button className={HOST.textButton} data-testid="teaching-finding-jump" onClick={() => service.select(finding.annotationIds[0]!)}>
            {t('findings.showOnImage')}
          </button>
        )}
      </div>
      {naming && (
        <SignLabelPicker
          key={finding.id}
          service={service}
          labelling={labelling}
          terms={signsFor(modality, DEFAULT_SIGN_VOCABULARY, department)}
          modality={vocabularyModality(modality) && modality}
          language={language}
          t={t}
        />
      )}
      <FindingTextFields finding={finding} editable={editable} testIdPrefix="teaching-finding" onChange={change} t={t} />
      {editable && (
        <div className="ohif-teaching__actions">
          {!naming && (
            <button className={HOST.textButton} data-testid="teaching-finding-choose-sign" onClick={() => service.startLabelling(finding.id)}>
              {t('vocabulary.choose')}
            </button>
          )}
          <button className={HOST.textButton} data-testid="teaching-finding-delete" onClick={() => service.removeFinding(finding.id, false)}>
            {t('findings.deleteFinding')}
          </button>
          {linked && (
            <button className={HOST.textButton} data-testid="teaching-finding-delete-all" onClick={() => service.removeFinding(finding.id, true)}>
              {t('findings.deleteWithDrawing')}
            </button>
          )}
        </div>
      )}
    </div>
  );
});

/**
 * Stage 4.3: the imaging signs. Each drawing of the resident is a positive sign already, linked by
 * its UID; negative signs that matter for the differential are added without one. Each sign has a
 * description, location and the pathology or mechanism it points to.
 */
export const FindingsStage = memo(function FindingsStage({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.work['4.3']);
  const selectedUid = useTeaching(service, state => state.selectedUid);
  const orphan = useTeaching(service, state => state.orphanFinding);
  const labelling = useTeaching(service, state => state.labelling);
  // Handing in may wait for drawings still being saved; a second click would only be refused.
  const handingIn = useTeaching(service, state => state.pendingCommands.some(command => command.type === 'submitStage' && command.stage === '4.3'));
  const annotations = useTeaching(service, state => state.annotations);
  const department = useMemo(() => service.departmentSigns(), [service, record?.session.id]);
  // Rows keep one change handler for the life of the stage, so typing in one row re-renders that row only.
  const latest = useRef<readonly Finding[]>([]);
  const change = useCallback(
    (id: string, patch: Partial<Finding>) => service.editFindings(latest.current.map(finding => (finding.id === id ? { ...finding, ...patch } : finding))),
    [service],
  );
  if (!record) return null;
  const stage = record.session.stages['4.3'];
  const { findings } = (pending ?? stage.work) as FindingsWork;
  const editable = !!actor && isResidentOf(actor, record.session) && stage.status === 'draft' && !record.session.signOff;
  latest.current = findings;
  const addNegative = () =>
    service.editFindings([...findings, { id: `negative-${Date.now().toString(36)}`, kind: 'negative', description: '', location: '', annotationIds: [], pathology: '' }]);

  return (
    <div className="ohif-teaching__stage" data-testid="teaching-stage-4.3">
      {orphan && (
        <div className="ohif-teaching__notice" role="alert" data-testid="teaching-orphan-finding">
          <span>{t('findings.orphan', { description: orphan.description })}</span>
          <button className={HOST.textButton} data-testid="teaching-orphan-delete" onClick={() => service.resolveOrphanFinding(true)}>
            {t('findings.deleteFinding')}
          </button>
          <button className={HOST.textButton} data-testid="teaching-orphan-keep" onClick={() => service.resolveOrphanFinding(false)}>
            {t('findings.keep')}
          </button>
        </div>
      )}
      {findings.length === 0 && <div className="ohif-teaching__hint">{t('findings.empty')}</div>}
      {findings.map((finding, index) => (
        <FindingRow
          key={finding.id}
          finding={finding}
          position={index + 1}
          selected={selectedUid !== undefined && finding.annotationIds.includes(selectedUid)}
          editable={editable}
          labelling={editable && labelling?.findingId === finding.id ? labelling : undefined}
          annotations={editable && labelling?.findingId === finding.id ? annotations : undefined}
          department={department}
          onChange={change}
          service={service}
          language={language}
          t={t}
        />
      ))}
      {editable && (
        <div className="ohif-teaching__actions">
          <button className={HOST.textButton} data-testid="teaching-add-negative" onClick={addNegative}>
            {t('findings.addNegative')}
          </button>
          <button className={HOST.textButton} data-testid="teaching-submit-stage" disabled={handingIn} onClick={() => service.submitStage('4.3')}>
            {t('stage.submit')}
          </button>
        </div>
      )}
    </div>
  );
});
