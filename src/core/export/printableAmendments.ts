import type { Language } from '../i18n';
import { chinaDateTime } from '../progress/chinaCalendar';
import { stageId, type Criterion, type StageId } from '../rubric/rubricSchema';
import type { Change, TeachingSession } from '../session/session';
import { STAGE_SHORT_TITLES } from '../labels/stageLabels';
import { EXPORT_LABELS, type ExportLabels } from './exportLabels';
import { inLanguage } from './localized';
import type { PrintableAmendment, PrintableChange, PrintablePerson } from './printableForm';

/** Which score or note a change touched, and how its values are written on the form. */
interface ChangeReading {
  field: string;
  show: (value: unknown) => string;
}

interface Reader {
  session: TeachingSession;
  language: Language;
  labels: ExportLabels;
  nameOf: (id: string) => PrintablePerson;
  plain: (value: unknown) => string;
}

const FIELD_SEPARATOR = ' › ';

function plainValue(value: unknown, none: string): string {
  if (value === undefined || value === null || value === '') return none;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function criteriaOf(session: TeachingSession, stage: StageId): Criterion[] {
  const rubric = session.stageForm.stages.find(entry => entry.stage === stage);
  return rubric?.scoring === 'criteria' ? [...rubric.criteria, ...(rubric.realTimeCriteria ?? [])] : [];
}

function readSheetChange(reader: Reader, rest: string[], field: (...names: string[]) => string): ChangeReading {
  const { session, language, labels, plain } = reader;
  const [, part, id] = rest;
  const item = session.reportSheet.sections.flatMap(section => section.items).find(entry => entry.id === id);
  const itemLabel = item ? inLanguage(item.label, language) : (id ?? '');
  if (rest.length === 3 && part === 'items') return { field: field(itemLabel), show: plain };
  if (rest.length === 3 && part === 'itemRemarks') return { field: field(itemLabel, labels.print.remark), show: plain };
  if (rest.length === 2 && part === 'mainProblems') return { field: field(labels.print.mainProblems), show: plain };
  if (rest.length === 2 && part === 'vetoes') {
    const vetoLabel = (vetoId: unknown) => {
      const veto = session.reportSheet.vetoes.find(entry => entry.id === vetoId);
      return veto ? inLanguage(veto.label, language) : plain(vetoId);
    };
    return {
      field: field(labels.print.vetoes),
      show: value => (Array.isArray(value) && value.length > 0 ? value.map(vetoLabel).join(labels.value.listSeparator) : plain(undefined)),
    };
  }
  return { field: field(...rest), show: plain };
}

function readEvaluationChange(reader: Reader, stage: StageId, rest: string[]): ChangeReading {
  const { session, language, labels, nameOf, plain } = reader;
  const rubric = session.stageForm.stages.find(entry => entry.stage === stage);
  const stageTitle = `${stage} ${inLanguage(rubric ? rubric.title : STAGE_SHORT_TITLES[stage], language)}`;
  const field = (...names: string[]) => [stageTitle, ...names].join(FIELD_SEPARATOR);
  const [first, id] = rest;
  const criterion = criteriaOf(session, stage).find(entry => entry.id === id);
  const criterionLabel = criterion ? inLanguage(criterion.label, language) : (id ?? '');
  if (rest.length === 1 && (first === 'remark' || first === 'feedback' || first === 'guidance')) return { field: field(labels.print[first]), show: plain };
  if (rest.length === 1 && first === 'evaluatedAt') {
    return { field: field(labels.print.evaluatedAt), show: value => (typeof value === 'string' ? chinaDateTime(value) : plain(value)) };
  }
  if (rest.length === 1 && first === 'evaluatorId') {
    return { field: field(labels.print.evaluatedBy), show: value => (typeof value === 'string' ? nameOf(value).name : plain(value)) };
  }
  if (rest.length === 2 && first === 'scores') {
    const show = (value: unknown) => {
      const level = criterion?.kind === 'levels' ? criterion.levels.find(entry => entry.id === value) : undefined;
      return level ? `${inLanguage(level.label, language)} (${level.points})` : plain(value);
    };
    return { field: field(criterionLabel), show };
  }
  if (rest.length === 2 && first === 'criterionRemarks') return { field: field(criterionLabel, labels.print.remark), show: plain };
  if (first === 'sheet') return readSheetChange(reader, rest, field);
  return { field: field(...rest), show: plain };
}

function printableChange(reader: Reader, change: Change): PrintableChange {
  const [root, stageKey, part, ...rest] = change.path;
  const stage = stageId.safeParse(stageKey);
  const reading =
    root === 'stages' && part === 'evaluation' && stage.success
      ? readEvaluationChange(reader, stage.data, rest)
      : { field: change.path.join(FIELD_SEPARATOR), show: reader.plain };
  return { field: reading.field, path: change.path, before: reading.show(change.before), after: reading.show(change.after) };
}

/**
 * Every amendment with what it changed, in the rubric's words: the amendment rules record changes
 * inside stage evaluations; any other path is shown as it is.
 */
export function printableAmendments(session: TeachingSession, nameOf: (id: string) => PrintablePerson, language: Language): PrintableAmendment[] {
  const labels = EXPORT_LABELS[language];
  const reader: Reader = { session, language, labels, nameOf, plain: value => plainValue(value, labels.value.none) };
  return session.amendments.map(amendment => ({
    id: amendment.id,
    at: chinaDateTime(amendment.at),
    by: nameOf(amendment.by),
    reason: amendment.reason,
    changes: amendment.changes.map(change => printableChange(reader, change)),
  }));
}
