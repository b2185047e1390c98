import type { QueryLevel } from '../store/indexedAttributes';

export const MODALITIES_IN_STUDY = '00080061';
export const NUMBER_OF_STUDY_RELATED_SERIES = '00201206';
export const NUMBER_OF_STUDY_RELATED_INSTANCES = '00201208';
export const NUMBER_OF_SERIES_RELATED_INSTANCES = '00201209';

/** Attributes the archive derives from what it holds rather than reading them from files. */
export const COMPUTED_ATTRIBUTES: ReadonlyMap<string, { vr: string; level: QueryLevel }> = new Map([
  [MODALITIES_IN_STUDY, { vr: 'CS', level: 'study' as const }],
  [NUMBER_OF_STUDY_RELATED_SERIES, { vr: 'IS', level: 'study' as const }],
  [NUMBER_OF_STUDY_RELATED_INSTANCES, { vr: 'IS', level: 'study' as const }],
  [NUMBER_OF_SERIES_RELATED_INSTANCES, { vr: 'IS', level: 'series' as const }],
]);
