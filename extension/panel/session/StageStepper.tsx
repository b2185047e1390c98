import { memo, useEffect } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import { STAGE_PROGRESS_LABELS, STAGE_SHORT_TITLES, type StageProgress } from '../../../src/core/labels/stageLabels';
import { STAGES, type StageId } from '../../../src/core/rubric/rubricSchema';
import type { TeachingSession } from '../../../src/core/session/session';
import { stageProgress } from '../../../src/core/session/stageProgress';
import type { TeachingService } from '../../service/TeachingService';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

const TONE: Record<StageProgress, string> = {
  draft: 'ohif-teaching__step--draft',
  returned: 'ohif-teaching__step--returned',
  submitted: 'ohif-teaching__step--submitted',
  inProgress: 'ohif-teaching__step--submitted',
  evaluated: 'ohif-teaching__step--evaluated',
};

/** Where a person picks up a session: the first stage not yet scored in full. */
export function firstOpenStage(session: TeachingSession): StageId {
  return STAGES.find(stage => stageProgress(session, stage) !== 'evaluated') ?? '4.5';
}

/** The five stages of the guide in their order, each with where it stands; one is the stage shown. */
export const StageStepper = memo(function StageStepper({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const chosen = useTeaching(service, state => state.stage);
  const opening = record && !chosen ? firstOpenStage(record.session) : undefined;
  // The stage shown is settled when the session opens: scoring or handing in a stage must not move
  // the person on to the next one while they are still looking at it.
  useEffect(() => {
    if (opening) service.selectStage(opening);
  }, [opening, service]);
  if (!record) return null;
  const current = chosen ?? opening!;
  const progressOf = (stage: StageId) => stageProgress(record.session, stage);
  return (
    <nav aria-label={t('session.stages')}>
      <ol className="ohif-teaching__stepper" data-testid="teaching-stepper">
        {STAGES.map(stage => {
          const progress = progressOf(stage);
          return (
            <li key={stage}>
              <button
                className={`ohif-teaching__step ${TONE[progress]}${stage === current ? ' ohif-teaching__step--current' : ''}`}
                aria-current={stage === current ? 'step' : undefined}
                title={`${stage} ${inLanguage(STAGE_SHORT_TITLES[stage], language)} · ${inLanguage(STAGE_PROGRESS_LABELS[progress], language)}`}
                data-testid="teaching-step"
                data-stage={stage}
                data-progress={progress}
                onClick={() => service.selectStage(stage)}
              >
                {stage}
              </button>
            </li>
          );
        })}
      </ol>
      {/* The panel is too narrow for five titles side by side: the stage shown is named in full below. */}
      <div className="ohif-teaching__stage-title" data-testid="teaching-stage-title">
        <span className="text-foreground">
          {current} {inLanguage(STAGE_SHORT_TITLES[current], language)}
        </span>
        <span className="ohif-teaching__sep" aria-hidden="true">
          ·
        </span>
        <span data-testid="teaching-stage-progress">{inLanguage(STAGE_PROGRESS_LABELS[progressOf(current)], language)}</span>
      </div>
    </nav>
  );
});
