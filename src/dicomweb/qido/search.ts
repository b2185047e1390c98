import { dictionaryVr } from '../dicom/attributeTags';
import { firstString, sortedByTag, type DicomJsonDataset, type DicomJsonElement } from '../dicom/dicomJson';
import type { DicomStore, SeriesEntry, StudyEntry } from '../store/DicomStore';
import { INDEXED_ATTRIBUTES, INDEXED_BY_TAG, type QueryLevel } from '../store/indexedAttributes';
import type { InstanceRecord } from '../store/InstanceRecord';
import {
  COMPUTED_ATTRIBUTES,
  MODALITIES_IN_STUDY,
  NUMBER_OF_SERIES_RELATED_INSTANCES,
  NUMBER_OF_STUDY_RELATED_INSTANCES,
  NUMBER_OF_STUDY_RELATED_SERIES,
} from './computedAttributes';
import type { QidoQuery } from './parseQuery';

/** Where a search looks: everything, or within one study or series. */
export interface SearchScope {
  studyUID?: string;
  seriesUID?: string;
}

/** Looks up attributes the index does not keep, from an instance's full metadata. */
export type MetadataLookup = (record: InstanceRecord) => Promise<DicomJsonDataset>;

interface Candidate {
  study: StudyEntry;
  series: SeriesEntry | undefined;
  record: InstanceRecord;
}

const SPECIFIC_CHARACTER_SET = '00080005';

const DEFAULT_RETURN: Record<QueryLevel, string[]> = {
  study: ['00080020', '00080030', '00080050', MODALITIES_IN_STUDY, '00080090', '00081030', '00100010', '00100020', '00100030', '00100040', '0020000D', '00200010', NUMBER_OF_STUDY_RELATED_SERIES, NUMBER_OF_STUDY_RELATED_INSTANCES],
  series: ['00080021', '00080031', '00080060', '0008103E', '0020000D', '0020000E', '00200011', NUMBER_OF_SERIES_RELATED_INSTANCES],
  instance: ['00080016', '00080018', '0020000D', '0020000E', '00200013', '00280008', '00280010', '00280011'],
};

const LEVELS_UP_TO: Record<QueryLevel, QueryLevel[]> = { study: ['study'], series: ['study', 'series'], instance: ['study', 'series', 'instance'] };

function firstInstance(series: SeriesEntry): InstanceRecord {
  return series.instances.values().next().value as InstanceRecord;
}

function firstSeries(study: StudyEntry): SeriesEntry {
  return study.series.values().next().value as SeriesEntry;
}

function computed(tag: string, candidate: Candidate): DicomJsonElement | undefined {
  const { study, series } = candidate;
  switch (tag) {
    case MODALITIES_IN_STUDY: {
      const modalities = new Set([...study.series.values()].map((s) => firstString(firstInstance(s).attributes['00080060'])).filter(Boolean));
      return { vr: 'CS', Value: [...modalities].sort() };
    }
    case NUMBER_OF_STUDY_RELATED_SERIES:
      return { vr: 'IS', Value: [study.series.size] };
    case NUMBER_OF_STUDY_RELATED_INSTANCES:
      return { vr: 'IS', Value: [[...study.series.values()].reduce((sum, s) => sum + s.instances.size, 0)] };
    case NUMBER_OF_SERIES_RELATED_INSTANCES:
      return series ? { vr: 'IS', Value: [series.instances.size] } : undefined;
    default:
      return undefined;
  }
}

function element(tag: string, candidate: Candidate): DicomJsonElement | undefined {
  return COMPUTED_ATTRIBUTES.has(tag) ? computed(tag, candidate) : candidate.record.attributes[tag];
}

function candidates(store: DicomStore, level: QueryLevel, scope: SearchScope): Candidate[] {
  const studies = scope.studyUID ? [store.study(scope.studyUID)].filter((s): s is StudyEntry => s !== undefined) : store.studies();
  if (level === 'study') return studies.map((study) => ({ study, series: undefined, record: firstInstance(firstSeries(study)) }));
  const seriesList = studies.flatMap((study) =>
    [...study.series.values()].filter((series) => !scope.seriesUID || series.uid === scope.seriesUID).map((series) => ({ study, series })),
  );
  if (level === 'series') return seriesList.map(({ study, series }) => ({ study, series, record: firstInstance(series) }));
  return seriesList.flatMap(({ study, series }) => [...series.instances.values()].map((record) => ({ study, series, record })));
}

function numberOf(candidate: Candidate, tag: string): number {
  return Number(candidate.record.attributes[tag]?.Value?.[0] ?? Number.MAX_SAFE_INTEGER);
}

const ORDER: Record<QueryLevel, (a: Candidate, b: Candidate) => number> = {
  // Newest studies first, as worklists show them.
  study: (a, b) =>
    `${firstString(b.record.attributes['00080020']) ?? ''}${firstString(b.record.attributes['00080030']) ?? ''}`.localeCompare(
      `${firstString(a.record.attributes['00080020']) ?? ''}${firstString(a.record.attributes['00080030']) ?? ''}`,
    ) || a.study.uid.localeCompare(b.study.uid),
  series: (a, b) => numberOf(a, '00200011') - numberOf(b, '00200011') || a.record.seriesUID.localeCompare(b.record.seriesUID),
  instance: (a, b) =>
    a.record.seriesUID.localeCompare(b.record.seriesUID) || numberOf(a, '00200013') - numberOf(b, '00200013') || a.record.sopInstanceUID.localeCompare(b.record.sopInstanceUID),
};

async function resultFor(candidate: Candidate, level: QueryLevel, query: QidoQuery, lookup: MetadataLookup): Promise<DicomJsonDataset> {
  const levels = LEVELS_UP_TO[level];
  // An attribute of a lower level (a series' Modality in a study search) has no single value here.
  const includable = query.includeTags.filter((tag) => {
    const indexedLevel = INDEXED_BY_TAG.get(tag)?.level ?? COMPUTED_ATTRIBUTES.get(tag)?.level;
    return indexedLevel === undefined || levels.includes(indexedLevel);
  });
  const tags = new Set([...DEFAULT_RETURN[level], ...includable]);
  if (query.includeAll) {
    for (const attribute of INDEXED_ATTRIBUTES) if (levels.includes(attribute.level)) tags.add(attribute.tag);
    for (const [tag, attribute] of COMPUTED_ATTRIBUTES) if (levels.includes(attribute.level)) tags.add(tag);
  }
  tags.delete(SPECIFIC_CHARACTER_SET);
  const result: DicomJsonDataset = {};
  const unindexed: string[] = [];
  for (const tag of tags) {
    if (!INDEXED_BY_TAG.has(tag) && !COMPUTED_ATTRIBUTES.has(tag)) {
      unindexed.push(tag);
      continue;
    }
    result[tag] = element(tag, candidate) ?? { vr: INDEXED_BY_TAG.get(tag)?.vr ?? COMPUTED_ATTRIBUTES.get(tag)?.vr ?? 'UN' };
  }
  if (unindexed.length > 0 || (query.includeAll && level === 'instance')) {
    const metadata = await lookup(candidate.record);
    const fromMetadata = query.includeAll && level === 'instance' ? Object.keys(metadata) : unindexed;
    for (const tag of fromMetadata) {
      if (tag === SPECIFIC_CHARACTER_SET || result[tag]) continue;
      const value = metadata[tag];
      if (value) result[tag] = value;
      else if (unindexed.includes(tag)) result[tag] = { vr: dictionaryVr(tag) ?? 'UN' };
    }
  }
  return sortedByTag(result);
}

/** Runs a QIDO-RS search at `level` within `scope`, applying matching, ordering and paging. */
export async function search(
  store: DicomStore,
  level: QueryLevel,
  scope: SearchScope,
  query: QidoQuery,
  lookup: MetadataLookup,
): Promise<DicomJsonDataset[]> {
  const matching = candidates(store, level, scope)
    .filter((candidate) => query.filters.every((filter) => filter.matches(element(filter.tag, candidate))))
    .sort(ORDER[level]);
  const page = matching.slice(query.offset, query.limit === undefined ? undefined : query.offset + query.limit);
  return Promise.all(page.map((candidate) => resultFor(candidate, level, query, lookup)));
}
