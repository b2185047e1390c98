import type { LocalizedText, TrainingYear } from '../schema/common';
import type { TeachingSession } from '../session/session';
import type { TeachingCase } from '../session/teachingCase';
import { caseFeatures, type CaseFeatures } from './caseFeatures';
import { categoryReason, modalityReason, weaknessReason, yearReason } from './nextCaseReasons';
import { recentSignedOff, residentWeaknesses, type Weakness } from './residentWeaknesses';
import { WEAKNESS_FEATURES, type PractisedFeature } from './weaknessFeatures';

/** Signed-off sessions the weaknesses are read from unless the caller says otherwise. */
export const DEFAULT_RECENT_SESSIONS = 6;

/**
 * How the 100 points of fit are shared. The year comes first because the guide has the tutor
 * prepare for the resident's year (3.1); weaknesses weigh most after it, since practising what the
 * resident keeps getting wrong is the point of choosing a case; category and modality spread the
 * resident's cases over the department's range.
 */
const FIT_POINTS = { year: 30, weakness: 40, category: 20, modality: 10 } as const;

/**
 * Below this share of an item's points lost, averaged over the recent sessions, the item is the
 * ordinary spread of a tutor's scoring and no reason to prefer a case.
 */
const WEAK_SHARE = 0.2;

/** A case with this many reference negative signs practises them fully; one with fewer, in proportion. */
const FULL_NEGATIVE_SIGNS = 3;

export interface NextCaseInput {
  resident: { id: string; trainingYear: TrainingYear };
  /** The department's cases, retired ones included: sessions held on them still count as seen. */
  cases: TeachingCase[];
  /** The resident's sessions; anyone else's are ignored. */
  sessions: TeachingSession[];
  /** The department's category names; a category missing here is shown by its id. */
  categories?: ReadonlyArray<{ id: string; name: LocalizedText }>;
  /** How many of the latest signed-off sessions the weaknesses are read from. */
  recent?: number;
}

export interface NextCaseSuggestion {
  caseId: string;
  /** 0–100, higher fits better. */
  fit: number;
  /** Why, the resident's weaknesses this case practises first, then year, category and modality. */
  reasons: LocalizedText[];
}

/** How much of each feature a case gives to practise, 0–1. */
function practice(feature: PractisedFeature, features: CaseFeatures): number {
  switch (feature) {
    case 'negativeSigns':
      return Math.min(features.negativeSigns, FULL_NEGATIVE_SIGNS) / FULL_NEGATIVE_SIGNS;
    case 'staging':
      return features.staging ? 1 : 0;
    case 'priors':
      return features.priors > 0 ? 1 : 0;
    case 'realTime':
      return features.realTime ? 1 : 0;
  }
}

/** For each feature, the weakest item it practises (the first of the table on a tie), if any is weak enough to count. */
function weakestByFeature(weaknesses: Weakness[]): Map<PractisedFeature, Weakness> {
  const weakest = new Map<PractisedFeature, Weakness>();
  for (const entry of WEAKNESS_FEATURES) {
    const weakness = weaknesses.find(candidate => candidate.part === entry.part && candidate.id === entry.id);
    if (!weakness || weakness.shareLost < WEAK_SHARE) continue;
    const current = weakest.get(entry.feature);
    if (!current || weakness.shareLost > current.shareLost) weakest.set(entry.feature, weakness);
  }
  return weakest;
}

const isRetired = (teachingCase: TeachingCase) => Boolean((teachingCase as { retired?: unknown }).retired);

const countBy = (values: string[]) => {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The cases a resident has not had a session on, the best fit first: prepared for their year, in
 * the categories and modalities they have seen least, practising what they lost most points on over
 * their recent signed-off sessions (see `WEAKNESS_FEATURES`). Equal fits are ordered by title, then
 * id, so the same records always give the same list.
 */
export function rankNextCases(input: NextCaseInput): NextCaseSuggestion[] {
  const { resident } = input;
  const recent = input.recent ?? DEFAULT_RECENT_SESSIONS;
  if (!Number.isInteger(recent) || recent < 1) throw new RangeError(`The recent sessions to read must be a whole number of at least 1, not ${recent}`);
  const sessions = input.sessions.filter(session => session.residentId === resident.id);
  const caseById = new Map(input.cases.map(teachingCase => [teachingCase.id, teachingCase]));
  const held = sessions.flatMap(session => caseById.get(session.caseId) ?? []);
  const done = new Set(sessions.map(session => session.caseId));
  const seenCategories = countBy(held.map(teachingCase => teachingCase.category));
  const seenModalities = countBy(held.map(teachingCase => teachingCase.modality));
  const considered = recentSignedOff(sessions, resident.id, recent);
  const weakest = weakestByFeature(residentWeaknesses(considered));
  const categoryNames = new Map((input.categories ?? []).map(category => [category.id, category.name]));

  const ranked = input.cases
    .filter(teachingCase => !done.has(teachingCase.id) && !isRetired(teachingCase))
    .map(teachingCase => {
      const features = caseFeatures(teachingCase);
      const practised = [...weakest]
        .map(([feature, weakness]) => ({ feature, weakness, gain: weakness.shareLost * practice(feature, features) }))
        .filter(entry => entry.gain > 0)
        .sort((a, b) => b.gain - a.gain);
      const yearsApart = Math.abs(teachingCase.trainingYear - resident.trainingYear);
      const seenCategory = seenCategories.get(teachingCase.category) ?? 0;
      const seenModality = seenModalities.get(teachingCase.modality) ?? 0;
      const points =
        FIT_POINTS.year * (1 - yearsApart / 2) +
        FIT_POINTS.weakness * Math.min(1, practised.reduce((total, entry) => total + entry.gain, 0)) +
        FIT_POINTS.category / (1 + seenCategory) +
        FIT_POINTS.modality / (1 + seenModality);
      const categoryName = categoryNames.get(teachingCase.category) ?? { zh: teachingCase.category, en: teachingCase.category };
      const reasons = [
        ...practised.map(entry => weaknessReason(entry.weakness, considered.length, entry.feature, features)),
        yearReason(teachingCase.trainingYear, resident.trainingYear),
        categoryReason(categoryName, seenCategory),
        modalityReason(teachingCase.modality, seenModality),
      ];
      return { teachingCase, suggestion: { caseId: teachingCase.id, fit: Math.round(points), reasons } };
    });
  ranked.sort(
    (a, b) =>
      b.suggestion.fit - a.suggestion.fit ||
      byCodeUnits(a.teachingCase.title, b.teachingCase.title) ||
      byCodeUnits(a.teachingCase.id, b.teachingCase.id),
  );
  return ranked.map(entry => entry.suggestion);
}
