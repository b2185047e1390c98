import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criterionMax, type Criterion, type ReportSheet } from '../../../../src/core/rubric/rubricSchema';
import { criteriaResult } from '../../../../src/core/scoring/stageResult';
import type { SheetScores } from '../../../../src/core/session/evaluation';
import { checkCriteriaScores, checkCriterionScore, checkSheetScores } from '../../../../src/core/scoring/checkScore';
import { bandFor, sheetResult } from '../../../../src/core/scoring/sheetResult';
import { reportSheet, sheetScores, stageForm, step, vetoableSheet } from './arbitraries';

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

  const earnedWithoutVeto = (sheet: ReportSheet, scores: SheetScores) =>
    sum(
      sheet.sections
        .flatMap(section => section.items)
        .flatMap(item => {
          if (scores.notApplicable.includes(item.id)) return [item.points];
          const entered = scores.items[item.id];
          if (entered === undefined) return [];
          return [sheet.scoring === 'award' ? entered : item.points - entered];
        }),
    );

  it('without a veto, totals what the scored items earned: points given, or points less deductions; not applicable earns full points', () => {
    fc.assert(
      fc.property(reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { vetoes: 'none' }))), ([sheet, scores]) => {
        const result = sheetResult(sheet, scores);
        expect(result.vetoed).toBe(false);
        expect(result.total).toBe(earnedWithoutVeto(sheet, scores));
        expect(result.total).toBe(result.itemTotal);
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
      }),
    );
  });

  it('is complete, with a band, exactly when every item is scored or not applicable or a veto decides, on award and deduct sheets alike', () => {
    fc.assert(
      fc.property(reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet))), ([sheet, scores]) => {
        const result = sheetResult(sheet, scores);
        const items = sheet.sections.flatMap(section => section.items);
        const blank = items.filter(item => !(item.id in scores.items) && !scores.notApplicable.includes(item.id)).map(item => item.id);
        expect(result.unscored).toEqual(blank);
        expect(result.complete).toBe(result.vetoed || blank.length === 0);
        expect(result.band).toEqual(result.complete ? bandFor(sheet, result.total) : null);
      }),
    );
  });

  it('is complete when every item is entered, whatever was entered', () => {
    fc.assert(
      fc.property(reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { items: 'all' }))), ([sheet, scores]) => {
        expect(sheetResult(sheet, scores).complete).toBe(true);
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

  it('never rates a complete sheet with more points lower than one with fewer', () => {
    const twoFilled = reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { items: 'all' }), sheetScores(sheet, { items: 'all' })));
    fc.assert(
      fc.property(twoFilled, ([sheet, first, second]) => {
        const [a, b] = [sheetResult(sheet, first), sheetResult(sheet, second)];
        if (a.total <= b.total) expect(a.band!.min).toBeLessThanOrEqual(b.band!.min);
        else expect(b.band!.min).toBeLessThanOrEqual(a.band!.min);
      }),
    );
  });
});

describe('criteriaResult, for any stage form and any scores', () => {
  /** Per criterion: unscored, a level or points within range, or (where allowed) not applicable. */
  const filledStage = stageForm.chain(form => {
    const criteria = form.stages.flatMap(stage => (stage.scoring === 'criteria' ? [stage.criteria] : []))[0]!;
    const entry = (criterion: Criterion) =>
      fc.oneof(
        fc.constant(undefined),
        criterion.kind === 'points'
          ? fc.integer({ min: 0, max: Math.round(criterion.max / form.step) }).map(steps => ({ score: steps * form.step as number | string }))
          : fc.constantFrom(...criterion.levels.map(level => ({ score: level.id as number | string }))),
        ...(criterion.mayNotApply ? [fc.constant('notApplicable' as const)] : []),
      );
    return fc.tuple(fc.constant(criteria), fc.constant(form.step), fc.tuple(...criteria.map(entry)));
  });

  it('totals the scores given plus full marks for what does not apply, and is complete exactly when nothing is left blank', () => {
    fc.assert(
      fc.property(filledStage, ([criteria, unit, entries]) => {
        const scores = Object.fromEntries(criteria.flatMap((criterion, c) => (typeof entries[c] === 'object' ? [[criterion.id, entries[c]!.score]] : [])));
        const notApplicable = criteria.filter((_, c) => entries[c] === 'notApplicable').map(criterion => criterion.id);
        expect(checkCriteriaScores('4.1', criteria, { scores, notApplicable, criterionRemarks: {} }, unit)).toEqual([]);
        const result = criteriaResult(criteria, { scores, notApplicable });
        const earned = criteria.map((criterion, c) => {
          const entry = entries[c];
          if (entry === 'notApplicable') return criterionMax(criterion);
          if (entry === undefined) return 0;
          return criterion.kind === 'points' ? (entry.score as number) : criterion.levels.find(level => level.id === entry.score)!.points;
        });
        expect(result.score).toBe(sum(earned));
        expect(result.score).toBeLessThanOrEqual(result.max);
        expect(result.unscored).toEqual(criteria.filter((_, c) => entries[c] === undefined).map(criterion => criterion.id));
        expect(result.complete).toBe(entries.every(entry => entry !== undefined));
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
        const pushed = { ...scores, notApplicable: scores.notApplicable.filter(id => id !== item.id), items: { ...scores.items, [item.id]: item.points + beyond } };
        expect(checkSheetScores(sheet, pushed).map(found => found.code)).toEqual(['score.outOfRange']);
      }),
    );
  });

  it('accept not applicable only where the sheet allows it, and never beside a score', () => {
    fc.assert(
      fc.property(reportSheet.chain(sheet => fc.tuple(fc.constant(sheet), sheetScores(sheet, { items: 'all' }))), ([sheet, scores]) => {
        const items = sheet.sections.flatMap(section => section.items);
        const fixed = items.find(item => !item.mayNotApply);
        if (fixed) {
          const marked = { ...scores, items: Object.fromEntries(Object.entries(scores.items).filter(([id]) => id !== fixed.id)), notApplicable: [...scores.notApplicable, fixed.id] };
          expect(checkSheetScores(sheet, marked).map(found => found.code)).toEqual(['score.notApplicableNotAllowed']);
        }
        const optional = items.find(item => item.mayNotApply);
        if (optional) {
          const both = { ...scores, items: { ...scores.items, [optional.id]: 0 }, notApplicable: [...new Set([...scores.notApplicable, optional.id])] };
          expect(checkSheetScores(sheet, both).map(found => found.code)).toEqual(['score.scoredAndNotApplicable']);
        }
      }),
    );
  });
});
