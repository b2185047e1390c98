import { describe, expect, it } from 'vitest';
import { matchingSeries } from '../../../extension/host/priorComparison';
import type { DisplaySet } from '../../../extension/host/ohifTypes';
import { nearestSlice, sliceAlignment, sliceNormal, translationMatrix, type SeriesGeometry, type Vec3 } from '../../../extension/host/sliceAlignment';

const AXIAL = [1, 0, 0, 0, 1, 0];
/** Contiguous transverse slices from `topZ` downwards (LPS: z falls towards the feet). */
const axialSeries = (frameOfReferenceUID: string, topZ: number, count: number, spacing = 5, origin: [number, number] = [-179.5, -179.5]): SeriesGeometry => ({
  frameOfReferenceUID,
  orientation: AXIAL,
  positions: Array.from({ length: count }, (_, index): Vec3 => [origin[0], origin[1], topZ - index * spacing]),
});

describe('sliceAlignment', () => {
  it('maps position to position when both series share a frame of reference', () => {
    expect(sliceAlignment(axialSeries('1.2.3', 0, 54), axialSeries('1.2.3', 40, 30))).toEqual({ kind: 'sameFrame', translationMm: [0, 0, 0] });
  });

  it('lines up the head ends of the scanned ranges when the frames differ, along the slice axis only', () => {
    // The prior's table was 30 mm further in and its field 20 mm to the side: only the level counts.
    const alignment = sliceAlignment(axialSeries('1.2.3', 0, 54), axialSeries('9.8.7', 30, 50, 5, [-159.5, -179.5]));
    expect(alignment).toEqual({ kind: 'approximate', anchor: 'headEnd', translationMm: [0, 0, 30], shiftMm: 30 });
  });

  it('finds the head end whatever order the images come in and whichever way the series runs', () => {
    const current = axialSeries('1.2.3', 0, 54);
    const reversed: SeriesGeometry = { ...axialSeries('9.8.7', -12.5, 40), positions: [...axialSeries('9.8.7', -12.5, 40).positions].reverse() };
    expect(sliceAlignment(current, reversed)).toMatchObject({ kind: 'approximate', anchor: 'headEnd', shiftMm: -12.5 });
    // Feet-first orientation (normal pointing down): the shift is still prior − current along the axis.
    const flipped: SeriesGeometry = { ...current, frameOfReferenceUID: '4.5.6', orientation: [1, 0, 0, 0, -1, 0] };
    const alignment = sliceAlignment(flipped, axialSeries('9.8.7', 20, 54));
    expect(alignment.kind).toBe('approximate');
    if (alignment.kind === 'approximate') expect(alignment.translationMm[2]).toBeCloseTo(20);
  });

  it('with the sample chest CT and its prior (same geometry, own frames) the shift is zero and the nodule slice matches itself', () => {
    const current = axialSeries('2.25.1', 0, 54);
    const prior = axialSeries('2.25.2', 0, 54);
    const alignment = sliceAlignment(current, prior);
    expect(alignment).toMatchObject({ kind: 'approximate', anchor: 'headEnd', shiftMm: 0 });
    // The nodule's centre is at z = −60, the 13th slice.
    expect(nearestSlice(prior.positions, current.positions[12]!, alignment.kind === 'approximate' ? alignment.translationMm : [0, 0, 0])).toBe(12);
  });

  it('refuses to synchronise slices that are not parallel, or images without geometry', () => {
    const sagittal: SeriesGeometry = { frameOfReferenceUID: '1.2.3', orientation: [0, 1, 0, 0, 0, -1], positions: [[0, 0, 0]] };
    expect(sliceAlignment(axialSeries('1.2.3', 0, 10), sagittal)).toEqual({ kind: 'none', reason: 'notParallel' });
    // 2° of gantry tilt is a different plane; half a degree is the same one.
    const tilted = (degrees: number): SeriesGeometry => {
      const r = (degrees * Math.PI) / 180;
      return { frameOfReferenceUID: '1.2.3', orientation: [1, 0, 0, 0, Math.cos(r), Math.sin(r)], positions: [[0, 0, 0]] };
    };
    expect(sliceAlignment(axialSeries('1.2.3', 0, 10), tilted(2)).kind).toBe('none');
    expect(sliceAlignment(axialSeries('1.2.3', 0, 10), tilted(0.5)).kind).toBe('sameFrame');
    expect(sliceAlignment(axialSeries('1.2.3', 0, 10), { frameOfReferenceUID: undefined, orientation: undefined, positions: [] })).toEqual({ kind: 'none', reason: 'noGeometry' });
    expect(sliceAlignment({ ...axialSeries('1.2.3', 0, 10), positions: [] }, axialSeries('1.2.3', 0, 10))).toEqual({ kind: 'none', reason: 'noGeometry' });
  });

  it('aligns the middles of the ranges for slices that are not transverse, where the head end is no landmark', () => {
    const sagittal = (frame: string, firstX: number, count: number): SeriesGeometry => ({
      frameOfReferenceUID: frame,
      orientation: [0, 1, 0, 0, 0, -1],
      positions: Array.from({ length: count }, (_, index): Vec3 => [firstX + index * 4, -100, 100]),
    });
    // Current spans x −40…40 (middle 0), prior −30…30 (middle 0): no shift; a prior spanning −20…60 (middle 20) shifts by 20.
    expect(sliceAlignment(sagittal('1', -40, 21), sagittal('2', -30, 16))).toMatchObject({ kind: 'approximate', anchor: 'rangeMiddle', shiftMm: 0 });
    const shifted = sliceAlignment(sagittal('1', -40, 21), sagittal('2', -20, 21));
    expect(shifted.kind === 'approximate' && shifted.translationMm[0]).toBeCloseTo(20);
  });
});

describe('nearestSlice', () => {
  it('picks the prior image nearest the carried position, in the prior’s own order', () => {
    const prior = axialSeries('9', 30, 50).positions;
    // Current slice at z = −60 carried 30 mm up lands at z = −30 on the prior: its 13th image.
    expect(nearestSlice(prior, [-179.5, -179.5, -60], [0, 0, 30])).toBe(12);
    expect(nearestSlice(prior, [-179.5, -179.5, -1000], [0, 0, 0])).toBe(49);
    expect(nearestSlice([], [0, 0, 0], [0, 0, 0])).toBe(-1);
  });
});

describe('sliceNormal and translationMatrix', () => {
  it('gives the unit normal and a column-major translation', () => {
    expect(sliceNormal(AXIAL)).toEqual([0, 0, 1]);
    expect(sliceNormal([1, 0, 0, 1, 0, 0])).toBeUndefined();
    expect(sliceNormal([1, 0, 0])).toBeUndefined();
    expect(translationMatrix([1, 2, 3]).slice(12, 15)).toEqual([1, 2, 3]);
  });
});

describe('matchingSeries', () => {
  const set = (uid: string, Modality: string, SeriesDescription: string, isDerivedDisplaySet = false): DisplaySet => ({
    displaySetInstanceUID: uid,
    SeriesInstanceUID: `s-${uid}`,
    Modality,
    SeriesDescription,
    isDerivedDisplaySet,
  });

  it('prefers the same protocol, then the same modality, and never a derived display set', () => {
    const candidates = [set('sr', 'SR', 'Chest 5.0 mm axial', true), set('scout', 'CT', 'Topogram'), set('axial', 'CT', 'Chest 5.0 mm axial')];
    expect(matchingSeries({ Modality: 'CT', SeriesDescription: 'Chest 5.0 mm axial' }, candidates)?.displaySetInstanceUID).toBe('axial');
    expect(matchingSeries({ Modality: 'CT', SeriesDescription: 'Chest 1.0 mm' }, candidates)?.displaySetInstanceUID).toBe('scout');
    expect(matchingSeries({ Modality: 'MR', SeriesDescription: 'T1' }, candidates)?.displaySetInstanceUID).toBe('scout');
    expect(matchingSeries(undefined, [set('sr', 'SR', '', true)])).toBeUndefined();
  });
});
