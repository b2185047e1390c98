import { useMemo, useSyncExternalStore } from 'react';
import { translator, type Language, type Translate } from '../../src/core/i18n';
import type { SignComparisonLoader } from '../service/signComparisonLoader';
import type { TeachingService } from '../service/TeachingService';
import { AccountBar } from './AccountBar';
import { AnnotationList } from './AnnotationList';
import { SignComparison } from './comparison/SignComparison';
import { HOST } from './hostClasses';
import { RecordsNotice } from './RecordsNotice';
import { SaveStatus } from './SaveStatus';
import { Amendments } from './session/Amendments';
import { EvaluationSummary } from './session/EvaluationSummary';
import { Preparation } from './session/Preparation';
import { SessionClock } from './session/SessionClock';
import { SignOff } from './session/SignOff';
import { StandIn } from './session/StandIn';
import { firstOpenStage, StageStepper } from './session/StageStepper';
import { WorkStatus } from './session/WorkStatus';
import { ClinicalInfoStage } from './stages/ClinicalInfoStage';
import { DiagnosisStage } from './stages/DiagnosisStage';
import { FindingsStage } from './stages/FindingsStage';
import { ReportStage } from './stages/ReportStage';
import { TechniqueStage } from './stages/TechniqueStage';
import { TutorScoring } from './stages/TutorScoring';
import { ReportSheetScoring } from './rubric/ReportSheetScoring';
import { StageQuestions } from './stages/StageQuestions';
import { useTeaching } from './useTeaching';
import { CasePreparationPanel } from './preparation/CasePreparationPanel';
import { PrepareOffer } from './preparation/PrepareOffer';

/** The work of the stage shown. */
function StageWork({ comparison, ...props }: { service: TeachingService; comparison: SignComparisonLoader; language: Language; t: Translate }) {
  const view = useSyncExternalStore(comparison.subscribe, comparison.getView);
  const stage = useTeaching(props.service, state => state.stage ?? (state.record ? firstOpenStage(state.record.session) : undefined));
  const Stage = { '4.1': ClinicalInfoStage, '4.2': TechniqueStage, '4.3': FindingsStage, '4.4': DiagnosisStage, '4.5': ReportStage }[stage ?? '4.1'];
  if (!stage) return null;
  return (
    <div className="ohif-teaching__stage-scroll">
      <EvaluationSummary {...props} stage={stage} />
      <Amendments {...props} />
      <Stage {...props} />
      <StageQuestions {...props} stage={stage} />
      {stage === '4.3' && view && <SignComparison {...props} view={view} />}
      {stage !== '4.5' && <TutorScoring {...props} stage={stage} />}
      {stage === '4.5' && <ReportSheetScoring {...props} />}
    </div>
  );
}

export function TeachingPanel({ service, comparison }: { service: TeachingService; comparison: SignComparisonLoader }) {
  const language = useTeaching(service, state => state.language);
  const annotations = useTeaching(service, state => state.annotations);
  const readOnly = useTeaching(service, state => state.readOnly);
  // Once signed, the person's own drawings are as locked as everyone else's.
  const signedRole = useTeaching(service, state => (state.record?.session.signOff ? state.actor?.role : undefined));
  const t = useMemo(() => translator(language), [language]);
  const preparation = useTeaching(service, state => state.preparation);

  if (preparation) {
    return (
      <div className="ohif-teaching text-foreground" lang={language} data-testid="teaching-panel" data-mode="preparation">
        <AccountBar service={service} language={language} t={t} />
        <CasePreparationPanel preparation={preparation} service={service} language={language} t={t} />
      </div>
    );
  }
  return (
    <div className="ohif-teaching text-foreground" lang={language} data-testid="teaching-panel">
      <AccountBar service={service} language={language} t={t} />
      <StandIn service={service} language={language} t={t} />
      <SessionClock service={service} language={language} t={t} />
      <Preparation service={service} language={language} t={t} />
      <StageStepper service={service} language={language} t={t} />
      <WorkStatus service={service} language={language} t={t} />
      <SignOff service={service} language={language} t={t} />
      <StageWork service={service} comparison={comparison} language={language} t={t} />
      <div className={HOST.sectionHeader}>
        <span>
          {t('panel.annotations')} (<span data-testid="teaching-annotation-count">{annotations.length}</span>)
        </span>
        <SaveStatus service={service} t={t} />
      </div>
      <RecordsNotice service={service} language={language} t={t} />
      <PrepareOffer service={service} language={language} t={t} />
      <AnnotationList service={service} label={t('panel.annotations')} drawnBy={uid => readOnly.get(uid) ?? signedRole} language={language} t={t} />
    </div>
  );
}
