import { STAGES, type StageId } from '../rubric/rubricSchema';
import type { TeachingSession } from '../session/session';
import { evaluatedStageResult } from './stageScores';
import { mean, roundTo } from './rounding';

export interface StageAverage {
  stage: StageId;
  /** Sessions in which the stage was evaluated. */
  sessions: number;
  /** Mean of each session's score as a percentage of that session's maximum, 0–100, one decimal. */
  meanPercent: number | null;
  meanScore: number | null;
  meanMax: number | null;
}

/**
 * Each session counts once, as a percentage of its own maximum: a department may change its rubric
 * between sessions, and a percentage is the one figure comparable across versions.
 */
export function stageAverages(sessions: TeachingSession[]): StageAverage[] {
  return STAGES.map(stage => {
    const results = sessions.flatMap(session => evaluatedStageResult(session, stage) ?? []);
    const percents = results.filter(result => result.max > 0).map(result => (100 * result.score) / result.max);
    return {
      stage,
      sessions: results.length,
      meanPercent: roundTo(mean(percents), 1),
      meanScore: roundTo(mean(results.map(result => result.score)), 2),
      meanMax: roundTo(mean(results.map(result => result.max)), 2),
    };
  });
}
