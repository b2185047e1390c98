import type { Language } from '../i18n';
import { chinaDateTime } from '../progress/chinaCalendar';
import { EXPORT_LABELS } from './exportLabels';
import { inLanguage } from './localized';
import { personNamer } from './personName';
import { printableAmendments } from './printableAmendments';
import type { PrintableForm } from './printableForm';
import { printableClock, printableHeader } from './printableHeader';
import { printablePreparation } from './printablePreparation';
import { printableSheet } from './printableSheet';
import { printableStages } from './printableStages';
import type { SessionExportInput } from './sessionExportInput';

/** The whole session as the paper forms lay it out: header, preparation, stage evaluation form, report quality sheet, sign-off, amendments. */
export function printableSession(input: SessionExportInput, language: Language, now: string): PrintableForm {
  const { session } = input;
  const labels = EXPORT_LABELS[language];
  const nameOf = personNamer(session, input);
  const signedStages = session.amendments.length > 0 ? session.signOff?.stages : undefined;
  return {
    language,
    title: labels.print.title,
    generatedAt: chinaDateTime(now),
    headings: { ...labels.print },
    header: printableHeader(input, language, now),
    clock: printableClock(session, now),
    preparation: printablePreparation(session, language),
    stageForm: { name: inLanguage(session.stageForm.name, language), stages: printableStages(session, nameOf, language, signedStages) },
    reportSheet: printableSheet(session.reportSheet, session.stages['4.5'], language, signedStages?.['4.5']),
    signOff: session.signOff ? { by: nameOf(session.signOff.by), at: chinaDateTime(session.signOff.at) } : null,
    amendments: printableAmendments(session, nameOf, language),
  };
}
