import { TRAINING_YEAR_LABELS } from '../labels/peopleLabels';
import type { LocalizedText, TrainingYear } from '../schema/common';
import type { CaseFeatures } from './caseFeatures';
import type { Weakness } from './residentWeaknesses';
import type { PractisedFeature } from './weaknessFeatures';

const percent = (share: number) => Math.round(share * 100);

/** How much of an item's points the resident lost, over how many of the sessions considered. */
function lostPhrase(weakness: Weakness, considered: number): LocalizedText {
  const { label, sessions } = weakness;
  const lost = percent(weakness.shareLost);
  if (sessions === considered) {
    return {
      zh: `近 ${considered} 次活动中“${label.zh}”平均失分 ${lost}%`,
      en: `Lost ${lost}% of the points on “${label.en}” ${considered === 1 ? 'in the last session' : `over the last ${considered} sessions`}`,
    };
  }
  return {
    zh: `近 ${considered} 次活动中有 ${sessions} 次评了“${label.zh}”，平均失分 ${lost}%`,
    en: `Lost ${lost}% of the points on “${label.en}” in the ${sessions === 1 ? 'one' : sessions} of the last ${considered} sessions that scored it`,
  };
}

/** What in the case practises the feature; only called for a feature the case has. */
function featurePhrase(feature: PractisedFeature, features: CaseFeatures): LocalizedText {
  switch (feature) {
    case 'negativeSigns': {
      const count = features.negativeSigns;
      return { zh: `本病例参考答案有 ${count} 个重要阴性征象`, en: `this case’s reference has ${count} important negative ${count === 1 ? 'sign' : 'signs'}` };
    }
    case 'staging': {
      const staging = features.staging!;
      return staging.source === 'reference'
        ? { zh: `本病例参考诊断含分期“${staging.mention}”`, en: `this case’s reference diagnosis states a stage (“${staging.mention}”)` }
        : { zh: `本病例教学目标涉及分期“${staging.mention}”`, en: `a teaching objective of this case concerns staging (“${staging.mention}”)` };
    }
    case 'priors': {
      const count = features.priors;
      return { zh: `本病例有 ${count} 个既往检查可供对比`, en: `this case has ${count} prior ${count === 1 ? 'study' : 'studies'} to compare with` };
    }
    case 'realTime':
      return { zh: '本病例为实时操作病例', en: 'this case is a real-time examination, performed under guidance' };
  }
}

export function weaknessReason(weakness: Weakness, considered: number, feature: PractisedFeature, features: CaseFeatures): LocalizedText {
  const lost = lostPhrase(weakness, considered);
  const practised = featurePhrase(feature, features);
  return { zh: `${lost.zh}，${practised.zh}`, en: `${lost.en}; ${practised.en}` };
}

const YEARS_APART = { 1: { zh: '一', en: 'one year' }, 2: { zh: '两', en: 'two years' } } as const;

export function yearReason(caseYear: TrainingYear, residentYear: TrainingYear): LocalizedText {
  const prepared = TRAINING_YEAR_LABELS[caseYear];
  const resident = TRAINING_YEAR_LABELS[residentYear];
  if (caseYear === residentYear) return { zh: `病例为${prepared.zh}准备，与住院医师年级相同`, en: `Prepared for ${prepared.en}, the resident’s year` };
  const apart = YEARS_APART[Math.abs(caseYear - residentYear) as 1 | 2];
  const above = caseYear > residentYear;
  return {
    zh: `病例为${prepared.zh}准备，比住院医师（${resident.zh}）${above ? '高' : '低'}${apart.zh}个年级`,
    en: `Prepared for ${prepared.en}, ${apart.en} ${above ? 'above' : 'below'} the resident’s (${resident.en})`,
  };
}

const sessionsCount = (count: number) => `${count} ${count === 1 ? 'session' : 'sessions'}`;

export function categoryReason(name: LocalizedText, seen: number): LocalizedText {
  if (seen === 0) return { zh: `尚未做过“${name.zh}”病种的病例`, en: `No case in the category “${name.en}” yet` };
  return { zh: `“${name.zh}”病种已有 ${seen} 次教学活动`, en: `${sessionsCount(seen)} in the category “${name.en}” so far` };
}

export function modalityReason(modality: string, seen: number): LocalizedText {
  if (seen === 0) return { zh: `尚未做过 ${modality} 检查的病例`, en: `No ${modality} case yet` };
  return { zh: `${modality} 检查已有 ${seen} 次教学活动`, en: `${sessionsCount(seen)} on ${modality} so far` };
}
