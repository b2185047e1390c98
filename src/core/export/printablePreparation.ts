import { fillPlaceholders, type Language } from '../i18n';
import { TRAINING_YEAR_LABELS } from '../labels/peopleLabels';
import { PREPARATION_ITEM_LABELS } from '../labels/workLabels';
import { chinaDateTime } from '../progress/chinaCalendar';
import { PREPARATION_ITEMS, yearCheck } from '../session/preparation';
import type { TeachingSession } from '../session/session';
import { EXPORT_LABELS } from './exportLabels';
import { inLanguage } from './localized';
import type { PrintablePreparation } from './printableForm';

function yearCheckText(session: TeachingSession, language: Language): string {
  const { value } = EXPORT_LABELS[language];
  const years = yearCheck(session);
  if (years.result === 'unknown') return value.notRecorded;
  if (years.result === 'matches') return value.yearsMatch;
  return years.result === 'accepted' ? fillPlaceholders(value.yearMismatchAccepted, { reason: years.decision.reason }) : value.yearMismatchOpen;
}

export function printablePreparation(session: TeachingSession, language: Language): PrintablePreparation {
  const { print, value } = EXPORT_LABELS[language];
  const { caseTrainingYear, patientInformedAt, checklist } = session.preparation;
  const informed = session.realTime ? (patientInformedAt ? chinaDateTime(patientInformedAt) : value.notYet) : value.notNeeded;
  const notified = session.schedule.residentNotifiedAt ? chinaDateTime(session.schedule.residentNotifiedAt) : value.notYet;
  return {
    lines: [
      { key: 'caseYear', label: print.caseYear, value: caseTrainingYear === null ? value.notRecorded : inLanguage(TRAINING_YEAR_LABELS[caseTrainingYear], language) },
      { key: 'yearCheck', label: print.yearCheck, value: yearCheckText(session, language) },
      { key: 'patientInformed', label: print.patientInformed, value: informed },
      { key: 'residentNotified', label: print.residentNotified, value: notified },
    ],
    checklist: PREPARATION_ITEMS.map(item => ({ id: item, label: inLanguage(PREPARATION_ITEM_LABELS[item], language), done: checklist[item] })),
  };
}
