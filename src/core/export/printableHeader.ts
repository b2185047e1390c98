import type { Language } from '../i18n';
import { chinaDate } from '../progress/chinaCalendar';
import { sessionDate, sessionMinutes } from '../progress/sessionTime';
import type { TeachingSession } from '../session/session';
import { againstTarget, TARGET_MINUTES } from '../session/sessionClock';
import { EXPORT_LABELS } from './exportLabels';
import { fillPlaceholders } from '../i18n';
import type { HeaderKey, PrintableClock, PrintableField } from './printableForm';
import type { SessionExportInput } from './sessionExportInput';
import { TRAINING_YEAR_LABELS } from '../labels/peopleLabels';
import { TARGET_STANDING_LABELS } from '../labels/clockLabels';
import { inLanguage } from './localized';

export function printableClock(session: TeachingSession, now: string): PrintableClock {
  const minutes = sessionMinutes(session, now) ?? null;
  return { minutes, target: { ...TARGET_MINUTES }, standing: minutes === null ? null : againstTarget(minutes) };
}

/** The header lines in the paper sheet's order, then what the teaching record adds. */
export function printableHeader(input: SessionExportInput, language: Language, now: string): PrintableField[] {
  const { session, teachingCase, patient = {} } = input;
  const labels = EXPORT_LABELS[language];
  const clock = printableClock(session, now);
  const minutes =
    clock.minutes === null || clock.standing === null
      ? labels.value.notTimed
      : fillPlaceholders(labels.value.minutesOnClock, { minutes: clock.minutes, ...clock.target, standing: inLanguage(TARGET_STANDING_LABELS[clock.standing], language) });
  const values: Array<[HeaderKey, string]> = [
    ['imageNumber', patient.imageNumber ?? ''],
    ['patientName', patient.name ?? ''],
    ['examPart', teachingCase.bodyPart],
    ['examDate', patient.examDate ?? ''],
    // The case records the modality; a more exact type (e.g. "CT 增强") is the caller's to give.
    ['examType', patient.examType ?? teachingCase.modality],
    ['examTechnique', patient.examTechnique ?? ''],
    ['resident', input.resident.name],
    ['trainingYear', inLanguage(TRAINING_YEAR_LABELS[session.residentTrainingYear], language)],
    ['tutor', input.tutor.name],
    ['caseTitle', teachingCase.title],
    ['sessionDate', chinaDate(sessionDate(session))],
    ['minutes', minutes],
  ];
  return values.map(([key, value]) => ({ key, label: labels.print[key], value }));
}
