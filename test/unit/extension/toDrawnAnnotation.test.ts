import { describe, expect, it } from 'vitest';
import type { DisplaySet, DisplaySetService, HostMeasurement } from '../../../extension/host/ohifTypes';
import { toDrawnAnnotation } from '../../../extension/host/toDrawnAnnotation';

const stack: DisplaySet = {
  displaySetInstanceUID: 'ds-1',
  SeriesInstanceUID: '1.2.3',
  SeriesNumber: 2,
  SeriesDescription: 'Chest 5mm',
  instances: Array.from({ length: 40 }, (_, index) => ({ SOPInstanceUID: `sop-${index + 1}`, InstanceNumber: index + 1 })),
};
const cine: DisplaySet = {
  displaySetInstanceUID: 'ds-us',
  SeriesInstanceUID: '9.9',
  SeriesNumber: 1,
  isMultiFrame: true,
  instances: [{ SOPInstanceUID: 'us-1' }],
};
const displaySets: Pick<DisplaySetService, 'getDisplaySetByUID'> = {
  getDisplaySetByUID: uid => [stack, cine].find(set => set.displaySetInstanceUID === uid),
};

const length: HostMeasurement = {
  uid: 'm-1',
  toolName: 'Length',
  label: 'Nodule',
  displayText: { primary: ['14.23 mm'], secondary: ['S: 2 I: 15'] },
  referenceStudyUID: '1.2',
  referenceSeriesUID: '1.2.3',
  SOPInstanceUID: 'sop-15',
  frameNumber: 1,
  displaySetInstanceUID: 'ds-1',
};

describe('toDrawnAnnotation', () => {
  it('lists tool, label, value with unit, series and slice', () => {
    expect(toDrawnAnnotation(length, displaySets)).toEqual({
      uid: 'm-1',
      toolName: 'Length',
      label: 'Nodule',
      values: ['14.23 mm'],
      studyInstanceUID: '1.2',
      seriesInstanceUID: '1.2.3',
      seriesNumber: '2',
      seriesDescription: 'Chest 5mm',
      sliceIndex: 15,
      sliceCount: 40,
      frameNumber: undefined,
    });
  });

  it('gives frames, not slices, for multi-frame images', () => {
    const drawn = toDrawnAnnotation(
      { ...length, SOPInstanceUID: 'us-1', frameNumber: 7, displaySetInstanceUID: 'ds-us' },
      displaySets,
    );
    expect(drawn.frameNumber).toBe(7);
    expect(drawn.sliceIndex).toBeUndefined();
  });

  it('copes with a measurement whose display set is gone and no text', () => {
    const drawn = toDrawnAnnotation({ uid: 'm-2', toolName: 'ArrowAnnotate', displaySetInstanceUID: 'missing' }, displaySets);
    expect(drawn).toMatchObject({ uid: 'm-2', label: '', values: [], seriesNumber: undefined, sliceIndex: undefined });
  });

  it('drops blank value lines the host leaves for tools that measure nothing', () => {
    expect(toDrawnAnnotation({ ...length, displayText: { primary: ['', ' '] } }, displaySets).values).toEqual([]);
  });
});
