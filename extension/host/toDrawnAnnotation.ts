import type { DrawnAnnotation } from '../service/drawnAnnotation';
import type { DisplaySetService, HostMeasurement } from './ohifTypes';

/** Reads what the panel lists from a host measurement and the display set it was drawn on. */
export function toDrawnAnnotation(measurement: HostMeasurement, displaySets: Pick<DisplaySetService, 'getDisplaySetByUID'>): DrawnAnnotation {
  const displaySet = measurement.displaySetInstanceUID
    ? displaySets.getDisplaySetByUID(measurement.displaySetInstanceUID)
    : undefined;
  const instances = displaySet?.instances ?? [];
  const position = instances.findIndex(instance => instance.SOPInstanceUID === measurement.SOPInstanceUID);
  const multiFrame = Boolean(displaySet?.isMultiFrame);

  return {
    uid: measurement.uid,
    toolName: measurement.toolName,
    label: measurement.label ?? '',
    values: (measurement.displayText?.primary ?? []).filter(value => value.trim() !== ''),
    studyInstanceUID: measurement.referenceStudyUID,
    seriesInstanceUID: measurement.referenceSeriesUID ?? displaySet?.SeriesInstanceUID,
    seriesNumber: displaySet?.SeriesNumber === undefined ? undefined : String(displaySet.SeriesNumber),
    seriesDescription: displaySet?.SeriesDescription || undefined,
    sliceIndex: position >= 0 && !multiFrame ? position + 1 : undefined,
    sliceCount: instances.length && !multiFrame ? instances.length : undefined,
    frameNumber: multiFrame ? (measurement.frameNumber ?? 1) : undefined,
  };
}
