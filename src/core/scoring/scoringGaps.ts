import { STAGES, type StageId } from '../rubric/rubricSchema';
import type { LocalizedText } from '../schema/common';
import { criteriaFor, stageResult } from './stageResult';
import type { StageRecords, TeachingSession } from '../session/session';

function unscoredLabels(session: TeachingSession, stage: StageId, ids: string[]): LocalizedText {
  const criteria = criteriaFor(session.stageForm, stage, session.realTime);
  const items = session.reportSheet.sections.flatMap(section => section.items);
  const labels = ids.map(id => (criteria.find(entry => entry.id === id) ?? items.find(entry => entry.id === id))?.label ?? { zh: id, en: id });
  return { zh: labels.map(label => label.zh).join('、'), en: labels.map(label => label.en).join(', ') };
}

/**
 * What keeps the stages from being scored in full, stage by stage, naming the criteria or sheet items
 * still without a score: what sign-off refuses on, and what an amendment may not leave behind.
 */
export function scoringGaps(session: TeachingSession, stages: StageRecords = session.stages): LocalizedText[] {
  return STAGES.flatMap(stage => {
    if (stages[stage].status !== 'evaluated') return [{ zh: `环节 ${stage} 未评分`, en: `stage ${stage} is not scored` }];
    const result = stageResult({ ...session, stages }, stage);
    if (result.complete) return [];
    const labels = unscoredLabels(session, stage, result.unscored);
    return [{ zh: `环节 ${stage} 尚未评完（${labels.zh}）`, en: `stage ${stage} is not fully scored (${labels.en})` }];
  });
}
