import { STAGE_SHORT_TITLES } from '../labels/stageLabels';
import type { Migration } from './migrateRecord';
import { eachObject, ifObject, isObject } from './jsonShapes';

/** Rubric sets of version 1 named two bands with words that read as translations; these were the defaults' own. */
const BAND_NAMES_V2 = new Map([
  ['Basically acceptable', 'Pass'],
  ['Unacceptable', 'Fail'],
]);

/** A v1 stage form gains short stage titles: the default one for each of the guide's stages. */
export function stageFormFromV1(form: unknown): unknown {
  return ifObject(form, object => ({
    ...object,
    stages: eachObject(object.stages, stage => {
      if ('shortTitle' in stage) return stage;
      const standard = typeof stage.stage === 'string' && Object.hasOwn(STAGE_SHORT_TITLES, stage.stage) ? STAGE_SHORT_TITLES[stage.stage as keyof typeof STAGE_SHORT_TITLES] : undefined;
      return { ...stage, shortTitle: standard ? { ...standard } : stage.title };
    }),
  }));
}

/** A v1 report sheet keeps its bands, with the old default English names replaced. */
export function reportSheetFromV1(sheet: unknown): unknown {
  return ifObject(sheet, object => ({
    ...object,
    bands: eachObject(object.bands, band => {
      const label = band.label;
      const renamed = isObject(label) && typeof label.en === 'string' ? BAND_NAMES_V2.get(label.en) : undefined;
      return renamed && isObject(label) ? { ...band, label: { ...label, en: renamed } } : band;
    }),
  }));
}

export const RUBRIC_SET_FROM_V1: Migration = {
  from: 1,
  migrate: record => ({
    ...record,
    schemaVersion: 2,
    stageForm: stageFormFromV1(record.stageForm),
    reportSheets: Array.isArray(record.reportSheets) ? record.reportSheets.map(reportSheetFromV1) : record.reportSheets,
  }),
};
