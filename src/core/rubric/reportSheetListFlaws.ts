import { duplicateIds } from './duplicateIds';
import { GENERAL_REPORT_SHEET_ID } from './generalReportSheet';
import type { RubricFlaw, RubricPath } from './rubricFlaw';
import type { ReportSheet } from './rubricSchema';

/** Each modality must lead to one sheet, so the choice of sheet never depends on list order. */
function sharedModalities(sheets: ReportSheet[]): RubricFlaw[] {
  const listedBy = new Map<string, RubricPath>();
  return sheets.flatMap((sheet, s) =>
    [...new Set(sheet.modalities)].flatMap(modality => {
      const earlier = listedBy.get(modality);
      if (!earlier) {
        listedBy.set(modality, ['reportSheets', s]);
        return [];
      }
      return [
        {
          code: 'rubric.sharedModality',
          path: ['reportSheets', s],
          otherPath: earlier,
          message: ({ place, other }) => ({
            zh: `${place.zh}列出的检查类型 ${modality} 已由${other?.zh}列出，每种检查类型只能由一张评分表列出。`,
            en: `${place.en} lists modality ${modality}, which ${other?.en} already lists; each modality may be listed by one sheet only.`,
          }),
        },
      ];
    }),
  );
}

/** What a rubric set's report sheets must be together: distinct ids, one general sheet, no modality listed twice. */
export function reportSheetListFlaws(sheets: ReportSheet[]): RubricFlaw[] {
  const flaws = duplicateIds(sheets.map((sheet, s) => ({ id: sheet.id, path: ['reportSheets', s] })));
  if (!sheets.some(sheet => sheet.id === GENERAL_REPORT_SHEET_ID)) {
    flaws.push({
      code: 'rubric.noGeneralSheet',
      path: [],
      message: ({ place }) => ({
        zh: `${place.zh}缺少通用报告评分表（编号“${GENERAL_REPORT_SHEET_ID}”），未被其他评分表列出的检查类型都用它评分。`,
        en: `${place.en} has no general report sheet (id “${GENERAL_REPORT_SHEET_ID}”), which scores every modality no other sheet lists.`,
      }),
    });
  }
  return [...flaws, ...sharedModalities(sheets)];
}
