import { describe, expect, it } from 'vitest';
import type { DisplaySet, DisplaySetService } from '../../../extension/host/ohifTypes';
import { studyHeaders } from '../../../extension/host/studyHeaders';
import { clinicalPrefill, techniqueFacts } from '../../../src/core/session/headerFacts';

const STUDY = '1.2.840.1';
const PRIOR = '1.2.840.2';

const instance = (series: string, seriesNumber: number | undefined, sop: string, extra: Record<string, unknown> = {}) => ({
  SOPInstanceUID: sop,
  StudyInstanceUID: STUDY,
  SeriesInstanceUID: series,
  SeriesNumber: seriesNumber,
  PatientAge: '068Y',
  ...extra,
});

const displaySets: DisplaySet[] = [
  { displaySetInstanceUID: 'ds-t2', StudyInstanceUID: STUDY, SeriesInstanceUID: 's-4', instances: [instance('s-4', 4, 't2-1', { Modality: 'MR', EchoTime: 95 }), instance('s-4', 4, 't2-2')] },
  { displaySetInstanceUID: 'ds-t1', StudyInstanceUID: STUDY, SeriesInstanceUID: 's-3', instances: [instance('s-3', 3, 't1-1', { Modality: 'MR', EchoTime: 12 })] },
  // The host's second display set of a series (such as one per ultrasound still) is the same series.
  { displaySetInstanceUID: 'ds-t1-b', StudyInstanceUID: STUDY, SeriesInstanceUID: 's-3', instances: [instance('s-3', 3, 't1-9', { EchoTime: 99 })] },
  { displaySetInstanceUID: 'ds-unnumbered', StudyInstanceUID: STUDY, SeriesInstanceUID: 's-x', instances: [instance('s-x', undefined, 'x-1', { Modality: 'OT' })] },
  { displaySetInstanceUID: 'ds-sr', StudyInstanceUID: STUDY, SeriesInstanceUID: 's-sr', isDerivedDisplaySet: true, instances: [instance('s-sr', 1, 'sr-1', { Modality: 'SR' })] },
  { displaySetInstanceUID: 'ds-empty', StudyInstanceUID: STUDY, SeriesInstanceUID: 's-empty', instances: [] },
  { displaySetInstanceUID: 'ds-prior', StudyInstanceUID: PRIOR, SeriesInstanceUID: 'p-2', instances: [{ SOPInstanceUID: 'p-1', SeriesNumber: 2 }] },
];
const displaySetService: Pick<DisplaySetService, 'getActiveDisplaySets'> = { getActiveDisplaySets: () => displaySets };

describe('studyHeaders', () => {
  it('gives one header per acquired series of the study, by series number, and the first as the study header', () => {
    const headers = studyHeaders(displaySetService, STUDY);
    expect(headers.series.map(header => header.SOPInstanceUID)).toEqual(['t1-1', 't2-1', 'x-1']);
    expect(headers.study).toBe(headers.series[0]);
    expect(clinicalPrefill(headers.study).map(item => item.value.en)).toEqual(['68 years']);
    expect(techniqueFacts(headers.series).map(series => series.facts.find(fact => fact.key === 'echoTime')?.value?.en)).toEqual(['12 ms', '95 ms', undefined]);
  });

  it('gives no headers for a study the host has not loaded', () => {
    expect(studyHeaders(displaySetService, '9.9')).toEqual({ study: undefined, series: [] });
    expect(studyHeaders(displaySetService, PRIOR).series.map(header => header.SOPInstanceUID)).toEqual(['p-1']);
  });
});
