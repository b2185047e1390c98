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
   * Points each scored item earned: on an `award` sheet what was given, on a `deduct` sheet its
   * points less what was taken off; an item marked not applicable earns its points. Items not
   * scored yet are absent.
   */
  itemScores: Record<string, number>;
  sections: SectionResult[];
  /** The sum of the scored items, before any veto. */
  itemTotal: number;
  vetoed: boolean;
  /** What the sheet scores: 0 when any veto is ticked, otherwise the item total. */
  total: number;
  max: number;
  /** Items neither scored nor marked not applicable, in sheet order. */
  unscored: string[];
  /** Every item is scored or not applicable, or a veto decides the total anyway. */
  complete: boolean;
  /** The overall rating; none until the sheet is complete, so a partial total never reads as a verdict. */
  band: RatingBand | null;
}

/** The band a total falls in: the one with the highest threshold at or below it. */
export function bandFor(sheet: ReportSheet, total: number): RatingBand {
  const ordered = [...sheet.bands].sort((a, b) => b.min - a.min);
  return ordered.find(band => total >= band.min) ?? ordered[ordered.length - 1]!;
}

export function sheetResult(sheet: ReportSheet, scores: SheetScores): SheetResult {
  const itemScores: Record<string, number> = {};
  const notApplicable = new Set(scores.notApplicable);
  const unscored: string[] = [];
  const sections = sheet.sections.map(section => {
    const earned = section.items.flatMap(item => {
      const entered = scores.items[item.id];
      if (notApplicable.has(item.id)) {
        itemScores[item.id] = item.points;
        return [item.points];
      }
      if (entered === undefined) {
        unscored.push(item.id);
        return [];
      }
      const value = sheet.scoring === 'deduct' ? roundScore(item.points - entered) : entered;
      itemScores[item.id] = value;
      return [value];
    });
    return { sectionId: section.id, score: sum(earned), max: section.points };
  });
  const itemTotal = sum(sections.map(section => section.score));
  const vetoed = scores.vetoes.length > 0;
  const total = vetoed ? 0 : itemTotal;
  const complete = vetoed || unscored.length === 0;
  return { itemScores, sections, itemTotal, vetoed, total, max: sheet.total, unscored, complete, band: complete ? bandFor(sheet, total) : null };
}
