import { DEFAULT_STAGE_FORM } from './defaultStageForm';
import { GENERAL_REPORT_SHEET, GENERAL_REPORT_SHEET_ID } from './generalReportSheet';
import { NUCLEAR_MEDICINE_REPORT_SHEET } from './nuclearMedicineReportSheet';
import { RUBRIC_SET_SCHEMA_VERSION, type ReportSheet, type RubricSet } from './rubricSchema';
import { ULTRASOUND_REPORT_SHEET } from './ultrasoundReportSheet';

/** What a department teaches with until it defines its own rubrics. */
export const DEFAULT_RUBRIC_SET: RubricSet = {
  schemaVersion: RUBRIC_SET_SCHEMA_VERSION,
  stageForm: DEFAULT_STAGE_FORM,
  reportSheets: [GENERAL_REPORT_SHEET, ULTRASOUND_REPORT_SHEET, NUCLEAR_MEDICINE_REPORT_SHEET],
};

/** The sheet that lists the modality (a DICOM code such as "US"), else the general sheet. */
export function chooseReportSheet(sheets: ReportSheet[], modality: string): ReportSheet {
  const listed = sheets.find(sheet => sheet.modalities.includes(modality));
  if (listed) return listed;
  const general = sheets.find(sheet => sheet.id === GENERAL_REPORT_SHEET_ID);
  if (!general) throw new Error(`No report sheet lists ${modality} and there is no general sheet "${GENERAL_REPORT_SHEET_ID}" to fall back on`);
  return general;
}
