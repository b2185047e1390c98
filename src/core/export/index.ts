export { printableSession } from './printableSession';
export type * from './printableForm';
export type { PatientDetails, SessionExportInput } from './sessionExportInput';
export { sessionCsvHeader, sessionCsvHeaderCells, sessionCsvRow, sessionCsvCells, sessionsCsv } from './csvRow';
export { csvCell, csvLine, csvDocument } from './csvEncoding';
export { sessionToJson, sessionFromJson, type SessionFromJson } from './jsonExport';
export { EXPORT_LABELS, type ExportLabels } from './exportLabels';
