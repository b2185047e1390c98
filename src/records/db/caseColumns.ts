import type { TeachingCase } from '../../core/session/teachingCase';

/** Lower-cased and in one Unicode form, so that a search matches whatever case and composition were typed. */
export const searchable = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * The text the library searches: title, objectives and the reference diagnosis. NUL characters are
 * dropped because PostgreSQL text cannot hold them (the record's JSON keeps them, escaped).
 */
export function caseSearchText(teachingCase: TeachingCase): string {
  return searchable([teachingCase.title, ...teachingCase.objectives, teachingCase.referenceAnswer?.diagnosis ?? ''].join('\n')).replace(/\u0000/g, '');
}

/** The columns of `cases` the library filters and sorts on, beside the record they are taken from. */
export function caseColumns(teachingCase: TeachingCase) {
  return {
    training_year: teachingCase.trainingYear,
    modality: teachingCase.modality,
    category: teachingCase.category,
    retired: teachingCase.retired ? 1 : 0,
    prepared_by: teachingCase.preparedBy,
    created_at: teachingCase.createdAt,
    search_text: caseSearchText(teachingCase),
    study_uid: teachingCase.studyInstanceUIDs[0] ?? '',
    record: JSON.stringify(teachingCase),
  };
}
