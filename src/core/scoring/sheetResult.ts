import type { RatingBand, ReportSheet } from '../rubric/rubricSchema';
import type { SheetScores } from '../session/evaluation';
import { roundScore, sum } from './numbers';

export interface SectionResult {
  sectionId: string;
  score: number;
  max: number;
}

export interface SheetResult {
  /**
   * Points each item earned. On an `award` sheet an item without a score is absent; on a `deduct`
   * sheet the tutor marks only what loses points, so an item without a deduction keeps full marks.
   */
  itemScores: Record<string, number>;
  sections: SectionResult[];
  /** The sum of the items, before any veto. */
  itemTotal: number;
  vetoed: boolean;
  /** What the sheet scores: 0 when any veto is ticked, otherwise the item total. */
  total: number;
  max: number;
  band: RatingBand;
  /** Every item has a score (deductions are optional), or a veto decides the total anyway. */
  complete: boolean;
}

/** The band a total falls in: the one with the highest threshold at or below it. */
export function bandFor(sheet: ReportSheet, total: number): RatingBand {
  const ordered = [...sheet.bands].sort((a, b) => b.min - a.min);
  return ordered.find(band => total >= band.min) ?? ordered[ordered.length - 1]!;
}

export function sheetResult(sheet: ReportSheet, scores: SheetScores): SheetResult {
  const itemScores: Record<string, number> = {};
  const sections = sheet.sections.map(section => {
    const earned = section.items.flatMap(item => {
      const entered = scores.items[item.id];
      if (sheet.scoring === 'award' && entered === undefined) return [];
      const value = sheet.scoring === 'deduct' ? roundScore(item.points - (entered ?? 0)) : entered!;
      itemScores[item.id] = value;
      return [value];
    });
    return { sectionId: section.id, score: sum(earned), max: section.points };
  });
  const itemTotal = sum(sections.map(section => section.score));
  const vetoed = scores.vetoes.length > 0;
  const total = vetoed ? 0 : itemTotal;
  const allScored =
    sheet.scoring === 'deduct' || sheet.sections.every(section => section.items.every(item => scores.items[item.id] !== undefined));
  return {
    itemScores,
    sections,
    itemTotal,
    vetoed,
    total,
    max: sheet.total,
    band: bandFor(sheet, total),
    complete: vetoed || allScored,
  };
}
