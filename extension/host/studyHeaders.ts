import type { DicomHeader } from '../../src/core/session/headerFacts';
import type { DisplaySetService, HostInstance } from './ohifTypes';

export interface StudyHeaders {
  /** Patient, study and request attributes are the same on every instance: the first one's header. */
  study: DicomHeader | undefined;
  /** One header per series, in series-number order. */
  series: DicomHeader[];
}

/** Series without a number go last (Infinity − Infinity is NaN, hence `|| 0` where it is compared). */
const seriesNumberOf = (header: HostInstance) => {
  const number = Number(header.SeriesNumber);
  return Number.isFinite(number) ? number : Infinity;
};

/**
 * The headers of one study among the series the host has loaded. Each series is read from its first
 * instance, so a value that varies per image (a modulated tube current) is the first image's. A
 * series the host splits into several display sets counts once; SR and SEG display sets have no
 * acquisition of their own and are left out. Call again when the host adds display sets: the
 * metadata of further series may still be loading.
 */
export function studyHeaders(displaySetService: Pick<DisplaySetService, 'getActiveDisplaySets'>, studyInstanceUID: string): StudyHeaders {
  const firstOfSeries = new Map<string, HostInstance>();
  for (const displaySet of displaySetService.getActiveDisplaySets()) {
    if (displaySet.StudyInstanceUID !== studyInstanceUID || displaySet.isDerivedDisplaySet) continue;
    const first = displaySet.instances?.[0];
    if (first && !firstOfSeries.has(displaySet.SeriesInstanceUID)) firstOfSeries.set(displaySet.SeriesInstanceUID, first);
  }
  const series = [...firstOfSeries.values()].sort((a, b) => seriesNumberOf(a) - seriesNumberOf(b) || 0);
  return { study: series[0], series };
}
