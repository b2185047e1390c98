import { memo, useMemo } from 'react';
import type { Language, Translate } from '../../../src/core/i18n';
import type { MessageKey } from '../../../src/core/i18n/messages';
import { IMAGE_QUALITY_LABELS } from '../../../src/core/labels/workLabels';
import { isResidentOf } from '../../../src/core/rules/permissions';
import { NOT_RECORDED, techniqueFacts } from '../../../src/core/session/headerFacts';
import { IMAGE_QUALITY, techniqueWork, type ImageQuality, type TechniqueWork } from '../../../src/core/session/stageWork';
import type { TeachingService } from '../../service/TeachingService';
import { HOST } from '../hostClasses';
import { inLanguage } from '../inLanguage';
import { useTeaching } from '../useTeaching';

type TextField = Exclude<keyof TechniqueWork, 'imageQuality'>;

/** The written parts of 4.2 in the guide's order: preparation, technique and dose, post-processing, nursing; quality comes after. */
const BEFORE_QUALITY: ReadonlyArray<TextField> = ['preparation', 'protocol', 'radiation', 'postProcessing', 'nursing'];
const AFTER_QUALITY: ReadonlyArray<TextField> = ['artefacts', 'improvement'];
const FIELD_LABEL: Record<TextField, MessageKey> = {
  preparation: 'technique.preparation',
  protocol: 'technique.protocol',
  radiation: 'technique.radiation',
  postProcessing: 'technique.postProcessing',
  nursing: 'technique.nursing',
  artefacts: 'technique.artefacts',
  improvement: 'technique.improvement',
  realTimeProcedure: 'technique.realTimeProcedure',
};

/**
 * Stage 4.2: the technique facts each series' header records (or "not recorded"), beside the
 * resident's account of the examination's execution, dose and protection, nursing, the image
 * quality and what could be done better; for real-time cases, the procedure done under guidance.
 */
export const TechniqueStage = memo(function TechniqueStage({ service, language, t }: { service: TeachingService; language: Language; t: Translate }) {
  const record = useTeaching(service, state => state.record);
  const actor = useTeaching(service, state => state.actor);
  const pending = useTeaching(service, state => state.work['4.2']);
  const series = useMemo(() => techniqueFacts(service.studyHeaders()?.series ?? []), [service, record?.session.id]);
  if (!record) return null;
  const stage = record.session.stages['4.2'];
  const work = (pending ?? stage.work) as TechniqueWork;
  const editable = !!actor && isResidentOf(actor, record.session) && stage.status === 'draft' && !record.session.signOff;
  const edit = (next: TechniqueWork) => service.editWork('4.2', next, techniqueWork.safeParse(next).success);
  const fields = (names: ReadonlyArray<TextField>) =>
    names.map(name => (
      <div key={name} className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor={`teaching-technique-${name}`}>{t(FIELD_LABEL[name])}</label>
        </div>
        <textarea
          id={`teaching-technique-${name}`}
          className="ohif-teaching__textarea"
          rows={2}
          value={work[name]}
          readOnly={!editable}
          data-testid="teaching-technique-field"
          data-field={name}
          onChange={event => edit({ ...work, [name]: event.target.value })}
        />
      </div>
    ));

  return (
    <div className="ohif-teaching__stage" data-testid="teaching-stage-4.2">
      {series.map(({ seriesInstanceUID, seriesNumber, facts }) => (
        <details key={seriesInstanceUID ?? seriesNumber} className="ohif-teaching__series" data-testid="teaching-series-facts" open={series.length === 1}>
          <summary>{t('technique.series', { number: seriesNumber ?? '?', description: inLanguage(facts.find(fact => fact.key === 'seriesDescription')?.value ?? NOT_RECORDED, language) })}</summary>
          <dl className="ohif-teaching__facts">
            {facts.map(fact => (
              <div key={fact.key} data-fact={fact.key}>
                <dt>{inLanguage(fact.label, language)}</dt>
                <dd className={fact.value ? undefined : 'ohif-teaching__unrecorded'}>{inLanguage(fact.value ?? NOT_RECORDED, language)}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
      {fields(BEFORE_QUALITY)}
      <div className="ohif-teaching__field">
        <div className="ohif-teaching__field-head">
          <label htmlFor="teaching-technique-quality">{t('technique.imageQuality')}</label>
        </div>
        <select
          id="teaching-technique-quality"
          className="ohif-teaching__select ohif-teaching__select--wide"
          value={work.imageQuality ?? ''}
          disabled={!editable}
          data-testid="teaching-image-quality"
          onChange={event => edit({ ...work, imageQuality: (event.target.value || null) as ImageQuality | null })}
        >
          <option value="">{t('technique.notRated')}</option>
          {IMAGE_QUALITY.map(grade => (
            <option key={grade} value={grade}>
              {inLanguage(IMAGE_QUALITY_LABELS[grade], language)}
            </option>
          ))}
        </select>
      </div>
      {fields(AFTER_QUALITY)}
      {record.session.realTime && fields(['realTimeProcedure'])}
      {editable && (
        <div className="ohif-teaching__actions">
          <button className={HOST.textButton} data-testid="teaching-submit-stage" onClick={() => service.submitStage('4.2')}>
            {t('stage.submit')}
          </button>
        </div>
      )}
    </div>
  );
});
