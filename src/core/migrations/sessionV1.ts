import type { Migration } from './migrateRecord';
import { ifObject, isObject, withDefault, type JsonObject } from './jsonShapes';
import { reportSheetFromV1, stageFormFromV1 } from './rubricSetV1';

/**
 * Version 1 graded image quality on five steps of its own; version 2 uses the film grades Chinese
 * departments use. Excellent and good films both meet every standard (甲级), adequate ones have
 * flaws that do not affect the diagnosis (乙级), poor ones limit it (丙级).
 */
const IMAGE_QUALITY_V2 = new Map([
  ['excellent', 'gradeA'],
  ['good', 'gradeA'],
  ['adequate', 'gradeB'],
  ['poor', 'gradeC'],
  ['nonDiagnostic', 'reject'],
]);

/** A v1 clinical item was text and a missing flag. */
function clinicalItemFromV1(item: JsonObject): JsonObject {
  if (typeof item.missing !== 'boolean') return item;
  const { missing, ...rest } = item;
  return { ...rest, status: missing ? 'missing' : 'available' };
}

const WORK_FROM_V1: Record<string, (work: JsonObject) => JsonObject> = {
  '4.1': work => ({
    ...work,
    items: ifObject(work.items, items => Object.fromEntries(Object.entries(items).map(([key, item]) => [key, ifObject(item, clinicalItemFromV1)]))),
  }),
  '4.2': work => {
    const quality = typeof work.imageQuality === 'string' ? IMAGE_QUALITY_V2.get(work.imageQuality) : undefined;
    return withDefault(withDefault({ ...work, ...(quality ? { imageQuality: quality } : {}) }, 'radiation', ''), 'nursing', '');
  },
  '4.5': work => withDefault(withDefault(work, 'clinicalInformation', ''), 'recommendations', ''),
};

/**
 * Version 1 read a deduct sheet's item without an entry as nothing taken off. A signed sheet was
 * signed on that reading, so its blanks become explicit zeros and the score is unchanged. An unsigned
 * one keeps its blanks: version 2 asks the tutor to enter or confirm every section.
 */
function evaluationFromV1(evaluation: JsonObject, deductItems: string[] | undefined): JsonObject {
  if (evaluation.kind === 'criteria') return withDefault(evaluation, 'notApplicable', []);
  if (evaluation.kind !== 'reportSheet') return evaluation;
  return {
    ...evaluation,
    sheet: ifObject(evaluation.sheet, sheet => {
      const withList = withDefault(sheet, 'notApplicable', []);
      if (!deductItems || !isObject(sheet.items)) return withList;
      return { ...withList, items: { ...Object.fromEntries(deductItems.map(id => [id, 0])), ...sheet.items } };
    }),
  };
}

function stageRecordFromV1(stage: string, record: JsonObject, deductItems: string[] | undefined): JsonObject {
  const fromV1 = Object.hasOwn(WORK_FROM_V1, stage) ? WORK_FROM_V1[stage] : undefined;
  return withDefault(
    withDefault(
      {
        ...record,
        work: fromV1 ? ifObject(record.work, fromV1) : record.work,
        ...(isObject(record.evaluation) ? { evaluation: evaluationFromV1(record.evaluation, deductItems) } : {}),
      },
      'returns',
      [],
    ),
    'questions',
    [],
  );
}

function stagesFromV1(stages: unknown, deductItems: string[] | undefined): unknown {
  return ifObject(stages, object => Object.fromEntries(Object.entries(object).map(([stage, record]) => [stage, ifObject(record, entry => stageRecordFromV1(stage, entry, deductItems))])));
}

/** The item ids of a deduct sheet, the sheet being as the session holds it. */
function deductSheetItems(sheet: unknown): string[] | undefined {
  if (!isObject(sheet) || sheet.scoring !== 'deduct' || !Array.isArray(sheet.sections)) return undefined;
  return sheet.sections.flatMap(section => (isObject(section) && Array.isArray(section.items) ? section.items : [])).flatMap(item => (isObject(item) && typeof item.id === 'string' ? [item.id] : []));
}

/**
 * Version 2 adds to every stage its returns and the tutor's questions; to the work the new parts
 * (clinical item statuses, nursing and radiation in 4.2, clinical information and recommendations in
 * the report); not-applicable marks to evaluations; short stage titles to the stage form; and the
 * preparation. Version 1 did not keep the case's training year with the session, so it is unknown.
 */
export const SESSION_FROM_V1: Migration = {
  from: 1,
  migrate: record => {
    const signed = isObject(record.signOff);
    const deductItems = signed ? deductSheetItems(record.reportSheet) : undefined;
    const stages = stagesFromV1(record.stages, deductItems);
    return {
      ...withDefault(record, 'preparation', {
        caseTrainingYear: null,
        checklist: { qualityStandard: false, writingNorms: false, examNorms: false, radiationProtection: false },
      }),
      schemaVersion: 2,
      stageForm: stageFormFromV1(record.stageForm),
      reportSheet: reportSheetFromV1(record.reportSheet),
      stages,
      ...(signed ? { signOff: ifObject(record.signOff, signOff => ({ ...signOff, stages: stagesFromV1(signOff.stages, deductItems) })) } : {}),
    };
  },
};

