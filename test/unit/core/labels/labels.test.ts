import { describe, expect, it } from 'vitest';
import * as labels from '../../../../src/core/labels';
import { CLOCK_STATUS_LABELS, IMAGE_QUALITY_LABELS, STAGE_PROGRESS, STAGE_PROGRESS_LABELS } from '../../../../src/core/labels';
import { DEFAULT_RATING_BANDS } from '../../../../src/core/rubric/ratingBands';
import { PREPARATION_ITEMS } from '../../../../src/core/session/preparation';
import { CLINICAL_ITEMS, CLINICAL_ITEM_STATUSES, FINDING_KINDS, IMAGE_QUALITY, INFORMATION_SOURCES, REPORT_SECTIONS } from '../../../../src/core/session/stageWork';

const tables = Object.entries(labels).filter(([, value]) => typeof value === 'object' && !Array.isArray(value)) as Array<[string, Record<string, { zh: string; en: string }>]>;

describe('labels of what a person sees', () => {
  it('name every value of every enum a person sees, in Chinese and in English', () => {
    const enums: Array<[Record<string, unknown>, readonly (string | number)[]]> = [
      [labels.CLINICAL_ITEM_LABELS, CLINICAL_ITEMS],
      [labels.CLINICAL_ITEM_STATUS_LABELS, CLINICAL_ITEM_STATUSES],
      [labels.INFORMATION_SOURCE_LABELS, INFORMATION_SOURCES],
      [labels.FINDING_KIND_LABELS, FINDING_KINDS],
      [IMAGE_QUALITY_LABELS, IMAGE_QUALITY],
      [labels.REPORT_SECTION_LABELS, REPORT_SECTIONS],
      [labels.PREPARATION_ITEM_LABELS, PREPARATION_ITEMS],
      [STAGE_PROGRESS_LABELS, STAGE_PROGRESS],
      [CLOCK_STATUS_LABELS, ['notStarted', 'running', 'paused', 'ended']],
      [labels.ROLE_LABELS, ['resident', 'tutor', 'admin']],
      [labels.TRAINING_YEAR_LABELS, [1, 2, 3]],
    ];
    for (const [table, values] of enums) expect(Object.keys(table).sort()).toEqual(values.map(String).sort());
    for (const [name, table] of tables) {
      for (const [key, label] of Object.entries(table)) {
        expect(label.zh.trim(), `${name}.${key}`).not.toBe('');
        expect(label.en.trim(), `${name}.${key}`).not.toBe('');
        expect(label.zh, `${name}.${key} is Chinese`).toMatch(/[\u4e00-\u9fa5]/);
        expect(label.en, `${name}.${key} is English`).not.toMatch(/[\u4e00-\u9fa5]/);
      }
      const chinese = Object.values(table).map(label => label.zh);
      expect(new Set(chinese).size, `${name} tells its values apart`).toBe(chinese.length);
    }
  });

  it('grade films as Chinese departments do', () => {
    expect(Object.values(IMAGE_QUALITY_LABELS).map(label => label.zh)).toEqual(['甲级', '乙级', '丙级', '废片']);
  });

  it('use the guide’s words for the training years and the stages in progress', () => {
    expect(labels.TRAINING_YEAR_LABELS[1].zh).toBe('住培第一年');
    expect(STAGE_PROGRESS_LABELS.returned.zh).toBe('已退回修改');
    expect(labels.STAGE_SHORT_TITLES['4.4']).toEqual({ zh: '影像诊断', en: 'Diagnosis' });
  });
});

describe('rating bands', () => {
  it('keep the published Chinese names and read as English in English', () => {
    expect(DEFAULT_RATING_BANDS.map(band => [band.label.zh, band.label.en])).toEqual([
      ['优秀', 'Excellent'],
      ['良好', 'Good'],
      ['基本合格', 'Pass'],
      ['不合格', 'Fail'],
    ]);
  });
});
