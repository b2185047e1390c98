import type { Language } from '../i18n';
import { evaluatedStageResult, stageMax } from '../progress/stageScores';
import { chinaDate, chinaDateTime } from '../progress/chinaCalendar';
import { sessionDate, sessionMinutes } from '../progress/sessionTime';
import { STAGE_SHORT_TITLES } from '../labels/stageLabels';
import { STAGES, type ReportSheet, type StageId } from '../rubric/rubricSchema';
import { sheetResult } from '../scoring/sheetResult';
import { csvDocument, csvLine } from './csvEncoding';
import { EXPORT_LABELS } from './exportLabels';
import { fillPlaceholders } from '../i18n';
import { inLanguage } from './localized';
import type { SessionExportInput } from './sessionExportInput';
import type { TeachingSession } from '../session/session';

/**
 * The columns of a session CSV. Given a report sheet, one column per section of it follows the
 * report score, for sessions scored on that sheet; pass the same sheet to `sessionCsvCells`.
 */
export function sessionCsvHeaderCells(sheet: ReportSheet | undefined, language: Language): string[] {
  const { csv } = EXPORT_LABELS[language];
  const stageName = (stage: StageId) => inLanguage(STAGE_SHORT_TITLES[stage], language);
  return [
    csv.sessionId,
    csv.date,
    csv.residentId,
    csv.residentName,
    csv.trainingYear,
    csv.tutorId,
    csv.tutorName,
    csv.caseId,
    csv.caseTitle,
    csv.modality,
    csv.minutes,
    csv.scoring,
    ...STAGES.flatMap(stage => [
      fillPlaceholders(csv.stageScore, { stage, name: stageName(stage) }),
      fillPlaceholders(csv.stageMax, { stage, name: stageName(stage) }),
    ]),
    csv.sheetTotal,
    ...(sheet?.sections ?? []).map(section => fillPlaceholders(csv.sectionSubtotal, { section: inLanguage(section.title, language), points: section.points })),
    csv.band,
    csv.vetoed,
    csv.vetoes,
    csv.mainProblems,
    csv.signedOffAt,
    csv.amendments,
  ];
}

const number = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A stage's score once it is scored in full: a spreadsheet must not average a partial score as a final one. */
function completeScore(session: TeachingSession, stage: StageId): number | undefined {
  const result = evaluatedStageResult(session, stage);
  return result?.complete ? result.score : undefined;
}

/**
 * One session's cells, unquoted, in the order of `sessionCsvHeaderCells`. Scores, subtotals and the
 * rating are blank until their stage or sheet is scored in full; the scoring column names what is not.
 */
export function sessionCsvCells(input: SessionExportInput, sheet: ReportSheet | undefined, language: Language, now: string): string[] {
  const { session, teachingCase } = input;
  const labels = EXPORT_LABELS[language];
  const report = session.stages['4.5'].evaluation;
  const sheetScores = report?.kind === 'reportSheet' ? report.sheet : undefined;
  const filled = sheetScores && sheetResult(session.reportSheet, sheetScores);
  const result = filled?.complete ? filled : undefined;
  const stageScores = STAGES.map(stage => completeScore(session, stage));
  const incomplete = STAGES.filter((_, index) => stageScores[index] === undefined);
  const scoring = incomplete.length === 0 ? labels.value.complete : fillPlaceholders(labels.value.incompleteStages, { stages: incomplete.join(labels.value.listSeparator) });
  const sectionsOnSheet = sheet?.id === session.reportSheet.id ? result?.sections : undefined;
  const vetoLabels = (sheetScores?.vetoes ?? []).map(id => {
    const veto = session.reportSheet.vetoes.find(entry => entry.id === id);
    return veto ? inLanguage(veto.label, language) : id;
  });
  return [
    session.id,
    chinaDate(sessionDate(session)),
    session.residentId,
    input.resident.name,
    String(session.residentTrainingYear),
    session.tutorId,
    input.tutor.name,
    teachingCase.id,
    teachingCase.title,
    teachingCase.modality,
    number(sessionMinutes(session, now)),
    scoring,
    ...STAGES.flatMap((stage, index) => [number(stageScores[index]), number(stageMax(session, stage))]),
    number(result?.total),
    ...(sheet?.sections ?? []).map(section => number(sectionsOnSheet?.find(entry => entry.sectionId === section.id)?.score)),
    result?.band ? inLanguage(result.band.label, language) : '',
    result ? labels.value[result.vetoed ? 'yes' : 'no'] : '',
    vetoLabels.join(labels.value.listSeparator),
    sheetScores?.mainProblems ?? '',
    session.signOff ? chinaDateTime(session.signOff.at) : '',
    String(session.amendments.length),
  ];
}

export function sessionCsvHeader(sheet: ReportSheet | undefined, language: Language): string {
  return csvLine(sessionCsvHeaderCells(sheet, language));
}

export function sessionCsvRow(input: SessionExportInput, sheet: ReportSheet | undefined, language: Language, now: string): string {
  return csvLine(sessionCsvCells(input, sheet, language, now));
}

/** A CSV file of sessions: the header line, then one line per session. */
export function sessionsCsv(header: string, rows: string[]): string {
  return csvDocument([header, ...rows]);
}
