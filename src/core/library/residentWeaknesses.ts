import { criterionMax, type StageId } from '../rubric/rubricSchema';
import type { LocalizedText } from '../schema/common';
import { sessionDate } from '../progress/sessionTime';
import { criteriaFor, criterionPoints } from '../scoring/stageResult';
import { sheetResult } from '../scoring/sheetResult';
import type { TeachingSession } from '../session/session';

/** The report sheet, or one of the stages scored on criteria. */
export type RubricPart = 'sheet' | Exclude<StageId, '4.5'>;

const CRITERIA_STAGES = ['4.1', '4.2', '4.3', '4.4'] as const satisfies readonly RubricPart[];

/** How a resident did on one sheet item or stage criterion over their recent sessions. */
export interface Weakness {
  part: RubricPart;
  /** The item's or criterion's id in the session's rubric. */
  id: string;
  /** Its label in the most recent session that scored it. */
  label: LocalizedText;
  /** Recent sessions that scored it; one marked not applicable, or not scored, says nothing about the resident. */
  sessions: number;
  /** The share of its points lost, averaged over those sessions: 0 full marks every time, 1 nothing ever. */
  shareLost: number;
}

/** The resident's last `count` signed-off sessions, most recent first; scores of a session not signed off may still change. */
export function recentSignedOff(sessions: TeachingSession[], residentId: string, count: number): TeachingSession[] {
  return sessions
    .filter(session => session.residentId === residentId && session.signOff !== undefined)
    .map(session => ({ session, at: Date.parse(sessionDate(session)) }))
    .sort((a, b) => b.at - a.at || (a.session.id < b.session.id ? -1 : a.session.id > b.session.id ? 1 : 0))
    .slice(0, count)
    .map(entry => entry.session);
}

interface Lost {
  part: RubricPart;
  id: string;
  label: LocalizedText;
  share: number;
}

function sheetLosses(session: TeachingSession): Lost[] {
  const evaluation = session.stages['4.5'].evaluation;
  if (evaluation?.kind !== 'reportSheet') return [];
  const { itemScores } = sheetResult(session.reportSheet, evaluation.sheet);
  return session.reportSheet.sections.flatMap(section =>
    section.items.flatMap(item => {
      const earned = itemScores[item.id];
      if (evaluation.sheet.notApplicable.includes(item.id) || earned === undefined || item.points <= 0) return [];
      return [{ part: 'sheet' as const, id: item.id, label: item.label, share: (item.points - earned) / item.points }];
    }),
  );
}

function criteriaLosses(session: TeachingSession): Lost[] {
  return CRITERIA_STAGES.flatMap(stage => {
    const evaluation = session.stages[stage].evaluation;
    // A stage form may leave a stage out (see `progress/stageScores.ts`); such a stage has nothing to read.
    if (evaluation?.kind !== 'criteria' || !session.stageForm.stages.some(rubric => rubric.stage === stage)) return [];
    return criteriaFor(session.stageForm, stage, session.realTime).flatMap(criterion => {
      const earned = criterionPoints(criterion, evaluation.scores[criterion.id]);
      const max = criterionMax(criterion);
      if (evaluation.notApplicable.includes(criterion.id) || earned === undefined || max <= 0) return [];
      return [{ part: stage, id: criterion.id, label: criterion.label, share: (max - earned) / max }];
    });
  });
}

/**
 * Every sheet item and stage criterion the sessions scored, with the share of its points lost. Each
 * session counts once, as a share of that session's own maximum, so rubric versions with other
 * maxima can be averaged together; for the same reason an item of one id on two sheets (重要阴性征象描述
 * on the general and on the ultrasound sheet) is one item. `sessions` must be most recent first (as
 * `recentSignedOff` gives them), so the labels are the ones the resident was last scored on.
 */
export function residentWeaknesses(sessions: TeachingSession[]): Weakness[] {
  const byKey = new Map<string, { part: RubricPart; id: string; label: LocalizedText; shares: number[] }>();
  for (const session of sessions) {
    for (const lost of [...sheetLosses(session), ...criteriaLosses(session)]) {
      const key = `${lost.part}:${lost.id}`;
      const entry = byKey.get(key) ?? { part: lost.part, id: lost.id, label: lost.label, shares: [] };
      entry.shares.push(lost.share);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map(({ shares, ...entry }) => ({
    ...entry,
    sessions: shares.length,
    shareLost: shares.reduce((total, share) => total + share, 0) / shares.length,
  }));
}
