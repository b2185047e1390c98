import type { TeachingCase } from '../session/teachingCase';
import { stagingMention } from './stagingMention';

/** Where a case states a stage: its reference diagnosis (or the model report's impression), or a teaching objective. */
export type StagingSource = 'reference' | 'objectives';

export interface StagingFeature {
  source: StagingSource;
  /** The stage as written in the case, e.g. "T2N0M0" or "ⅢA期". */
  mention: string;
}

/** What a case gives a resident to practise, read from the case as the tutor prepared it. */
export interface CaseFeatures {
  /** Negative signs among the reference findings. */
  negativeSigns: number;
  staging: StagingFeature | null;
  /** Studies after the first: the priors chosen to compare with. */
  priors: number;
  realTime: boolean;
  modality: string;
}

function stagingOf(teachingCase: TeachingCase): StagingFeature | null {
  const answer = teachingCase.referenceAnswer;
  const inReference = answer ? (stagingMention(answer.diagnosis) ?? stagingMention(answer.report.impression)) : undefined;
  if (inReference) return { source: 'reference', mention: inReference };
  for (const objective of teachingCase.objectives) {
    const mention = stagingMention(objective);
    if (mention) return { source: 'objectives', mention };
  }
  return null;
}

export function caseFeatures(teachingCase: TeachingCase): CaseFeatures {
  return {
    negativeSigns: teachingCase.referenceAnswer?.findings.filter(finding => finding.kind === 'negative').length ?? 0,
    staging: stagingOf(teachingCase),
    priors: teachingCase.studyInstanceUIDs.length - 1,
    realTime: teachingCase.realTime,
    modality: teachingCase.modality,
  };
}
