import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Criterion } from '../../../../src/core/rubric/rubricSchema';
import { checkCriterionScore, checkSheetScores } from '../../../../src/core/scoring/checkScore';
import { bandFor, sheetResult } from '../../../../src/core/scoring/sheetResult';
import { reportSheet, sheetScores, step, vetoableSheet } from './arbitraries';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe('sheetResult, for any sheet and any scores', () => {
  it('scores 0 whenever a veto item is ticked, and counts the sheet complete', () => {
    fc.assert(
      fc.property(vetoableSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { vetoes: 'some' }))), ([sheet, scores]) => {
        const result = sheetResult(sheet, scores);
        expect(result.vetoed).toBe(true);
        expect(result.total).toBe(0);
        expect(result.complete).toBe(true);
        expect(result.band).toEqual(bandFor(sheet, 0));
      }),
    );
  });

  it('without a veto, totals the points given on an award sheet', () => {
    const award = reportSheet.map(sheet => ({ ...sheet, scoring: 'award' as const }));
    fc.assert(
      fc.property(award.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { vetoes: 'none' }))), ([sheet, scores]) => {
        const result = sheetResult(sheet, scores);
        expect(result.vetoed).toBe(false);
        expect(result.total).toBe(sum(Object.values(scores.items)));
        expect(result.total).toBe(result.itemTotal);
      }),
    );
  });

  it('without a veto, totals points minus deductions on a deduct sheet', () => {
    const deduct = reportSheet.map(sheet => ({ ...sheet, scoring: 'deduct' as const }));
    fc.assert(
      fc.property(deduct.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { vetoes: 'none' }))), ([sheet, scores]) => {
        const items = sheet.sections.flatMap(section => section.items);
        // The tutor marks only what loses points: an item without a deduction keeps full marks.
        const expected = sum(items.map(item => item.points - (scores.items[item.id] ?? 0)));
        expect(sheetResult(sheet, scores).total).toBe(expected);
      }),
    );
  });

  it('gives each section the sum of its items, and the sections sum to the item total', () => {
    fc.assert(
      fc.property(reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet))), ([sheet, scores]) => {
        const result = sheetResult(sheet, scores);
        sheet.sections.forEach((section, s) => {
          const own = section.items.flatMap(item => (item.id in result.itemScores ? [result.itemScores[item.id]!] : []));
          expect(result.sections[s]).toEqual({ sectionId: section.id, score: sum(own), max: section.points });
        });
        expect(sum(result.sections.map(section => section.score))).toBe(result.itemTotal);
        expect(result.total).toBeLessThanOrEqual(sheet.total);
        const allScored = Object.keys(scores.items).length === sheet.sections.flatMap(section => section.items).length;
        expect(result.complete).toBe(result.vetoed || sheet.scoring === 'deduct' || allScored);
      }),
    );
  });

  it('never gives a higher total a lower band', () => {
    const totals = reportSheet.chain(sheet =>
      fc.tuple(fc.constant(sheet), fc.double({ min: 0, max: sheet.total, noNaN: true }), fc.double({ min: 0, max: sheet.total, noNaN: true })),
    );
    fc.assert(
      fc.property(totals, ([sheet, a, b]) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(bandFor(sheet, low).min).toBeLessThanOrEqual(bandFor(sheet, high).min);
        expect(bandFor(sheet, high).min).toBeLessThanOrEqual(high);
      }),
    );
  });
});

const pointsCriterion = (max: number): Criterion => ({ kind: 'points', id: 'c', label: { zh: '评分项', en: 'Criterion' }, max });

describe('score checks, for any step and maximum', () => {
  const limits = fc.record({ step, units: fc.integer({ min: 0, max: 40 }) }).map(({ step: unit, units }) => ({ step: unit, max: units * unit }));

  it('accept every score on the step within 0…max', () => {
    fc.assert(
      fc.property(
        limits.chain(limit => fc.tuple(fc.constant(limit), fc.integer({ min: 0, max: Math.round(limit.max / limit.step) }))),
        ([{ step: unit, max }, count]) => {
          expect(checkCriterionScore(pointsCriterion(max), count * unit, unit)).toBeUndefined();
        },
      ),
    );
  });

  it('reject scores above the maximum or below 0', () => {
    fc.assert(
      fc.property(limits, fc.double({ min: 1e-6, max: 1000, noNaN: true }), fc.boolean(), ({ step: unit, max }, beyond, above) => {
        const score = above ? max + beyond : -beyond;
        expect(checkCriterionScore(pointsCriterion(max), score, unit)?.code).toBe('score.outOfRange');
      }),
    );
  });

  it('reject scores within range but off the step', () => {
    const offStep = limits
      .filter(limit => limit.max >= limit.step)
      .chain(limit =>
        fc.tuple(fc.constant(limit), fc.integer({ min: 0, max: Math.round(limit.max / limit.step) - 1 }), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
      );
    fc.assert(
      fc.property(offStep, ([{ step: unit, max }, count, fraction]) => {
        expect(checkCriterionScore(pointsCriterion(max), (count + fraction) * unit, unit)?.code).toBe('score.offStep');
      }),
    );
  });

  it('accept what a tutor may enter on any sheet, and reject an item score pushed out of range', () => {
    const filled = reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet), fc.double({ min: 1e-6, max: 100, noNaN: true })));
    fc.assert(
      fc.property(filled, ([sheet, scores, beyond]) => {
        expect(checkSheetScores(sheet, scores)).toEqual([]);
        const item = sheet.sections[0]!.items[0]!;
        const pushed = { ...scores, items: { ...scores.items, [item.id]: item.points + beyond } };
        expect(checkSheetScores(sheet, pushed).map(found => found.code)).toEqual(['score.outOfRange']);
      }),
    );
  });
});
