import { sum } from '../scoring/numbers';
import { duplicateIds } from './duplicateIds';
import { offStep } from './offStep';
import type { RubricFlaw } from './rubricFlaw';
import type { ReportSheet } from './rubricSchema';

const POINTS = { zh: '分值', en: 'points' };
const TOTAL = { zh: '总分', en: 'total' };

function pointsFlaws(sheet: ReportSheet): RubricFlaw[] {
  const flaws: RubricFlaw[] = [];
  sheet.sections.forEach((section, s) => {
    section.items.forEach((item, i) => flaws.push(...offStep(item.points, sheet.step, ['sections', s, 'items', i], POINTS)));
    flaws.push(...offStep(section.points, sheet.step, ['sections', s], POINTS));
    const items = sum(section.items.map(item => item.points));
    if (items !== section.points) {
      flaws.push({
        code: 'rubric.sectionSum',
        path: ['sections', s],
        message: ({ place }) => ({
          zh: `${place.zh}：各条目合计 ${items} 分，但该分区标明 ${section.points} 分。`,
          en: `${place.en}: its items add up to ${items} points but the section states ${section.points}.`,
        }),
      });
    }
  });
  flaws.push(...offStep(sheet.total, sheet.step, [], TOTAL));
  const sections = sum(sheet.sections.map(section => section.points));
  if (sections !== sheet.total) {
    flaws.push({
      code: 'rubric.sheetSum',
      path: [],
      message: ({ place }) => ({
        zh: `${place.zh}：各分区合计 ${sections} 分，但评分表标明总分 ${sheet.total} 分。`,
        en: `${place.en}: its sections add up to ${sections} points but the sheet states a total of ${sheet.total}.`,
      }),
    });
  }
  return flaws;
}

function idFlaws(sheet: ReportSheet): RubricFlaw[] {
  return [
    ...duplicateIds(sheet.sections.map((section, s) => ({ id: section.id, path: ['sections', s] }))),
    ...duplicateIds(sheet.sections.flatMap((section, s) => section.items.map((item, i) => ({ id: item.id, path: ['sections', s, 'items', i] })))),
    ...duplicateIds(sheet.vetoes.map((veto, v) => ({ id: veto.id, path: ['vetoes', v] }))),
    ...duplicateIds(sheet.bands.map((band, b) => ({ id: band.id, path: ['bands', b] }))),
  ];
}

/** Every total must fall in exactly one band: thresholds within the sheet's range, distinct, one at 0. */
function bandFlaws(sheet: ReportSheet): RubricFlaw[] {
  const flaws: RubricFlaw[] = [];
  const seen = new Map<number, number>();
  sheet.bands.forEach((band, b) => {
    if (band.min > sheet.total) {
      flaws.push({
        code: 'rubric.bandOutOfRange',
        path: ['bands', b],
        message: ({ place }) => ({
          zh: `${place.zh}的起点分数 ${band.min} 超出 0…${sheet.total} 的范围。`,
          en: `${place.en}: its threshold ${band.min} lies outside 0…${sheet.total}.`,
        }),
      });
    }
    const earlier = seen.get(band.min);
    if (earlier === undefined) {
      seen.set(band.min, b);
      return;
    }
    flaws.push({
      code: 'rubric.duplicateBandThreshold',
      path: ['bands', b],
      otherPath: ['bands', earlier],
      message: ({ place, other }) => ({
        zh: `${place.zh}的起点分数 ${band.min} 与${other?.zh}相同。`,
        en: `${place.en}: its threshold ${band.min} is the same as that of ${other?.en}.`,
      }),
    });
  });
  if (!seen.has(0)) {
    flaws.push({
      code: 'rubric.noBandAtZero',
      path: [],
      message: ({ place }) => ({
        zh: `${place.zh}：没有起点为 0 分的评级，低分将无评级可归。`,
        en: `${place.en}: no rating band starts at 0, so low totals would have no rating.`,
      }),
    });
  }
  return flaws;
}

/** What the schema cannot see in a report sheet: sums, repeated ids, steps and rating bands. */
export function reportSheetFlaws(sheet: ReportSheet): RubricFlaw[] {
  return [...pointsFlaws(sheet), ...idFlaws(sheet), ...bandFlaws(sheet)];
}
