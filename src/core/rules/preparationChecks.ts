import { PREPARATION_ITEM_LABELS } from '../labels/workLabels';
import { TRAINING_YEAR_LABELS } from '../labels/peopleLabels';
import type { LocalizedText } from '../schema/common';
import { PREPARATION_ITEMS, yearCheck } from '../session/preparation';
import type { TeachingSession } from '../session/session';

export type PreparationCheckCode = 'yearMismatch' | 'patientNotInformed' | 'residentNotNotified' | 'checklistIncomplete';

/** Something of the guide's section 3 still open; a blocking one keeps the clock from starting. */
export interface PreparationCheck {
  code: PreparationCheckCode;
  blocking: boolean;
  message: LocalizedText;
}

/**
 * What is still open in the preparation (guide 3.1–3.3). The year check and, for real-time exams,
 * the patient's notice must be settled before the session starts; the resident's notice and
 * checklist are reminders.
 */
export function preparationChecks(session: TeachingSession): PreparationCheck[] {
  const checks: PreparationCheck[] = [];
  const years = yearCheck(session);
  if (years.result === 'open') {
    const [caseYear, residentYear] = [TRAINING_YEAR_LABELS[years.caseYear], TRAINING_YEAR_LABELS[session.residentTrainingYear]];
    checks.push({
      code: 'yearMismatch',
      blocking: true,
      message: {
        zh: `病例是为${caseYear.zh}准备的，住院医师为${residentYear.zh}；请指导医师确认并说明理由`,
        en: `the case was prepared for ${caseYear.en} and the resident is in ${residentYear.en}; the tutor must confirm the choice and say why`,
      },
    });
  }
  if (session.realTime && !session.preparation.patientInformedAt) {
    checks.push({
      code: 'patientNotInformed',
      blocking: true,
      message: { zh: '实时操作病例须提前告知患者做好检查前准备并配合教学', en: 'for a real-time examination the patient must be told in advance and agree to the teaching' },
    });
  }
  if (!session.schedule.residentNotifiedAt) {
    checks.push({
      code: 'residentNotNotified',
      blocking: false,
      message: { zh: '尚未提前通知住院医师时间、地点和病种', en: 'the resident has not been told the time, place and disease in advance' },
    });
  }
  const unticked = PREPARATION_ITEMS.filter(item => !session.preparation.checklist[item]).map(item => PREPARATION_ITEM_LABELS[item]);
  if (unticked.length > 0) {
    checks.push({
      code: 'checklistIncomplete',
      blocking: false,
      message: {
        zh: `住院医师的准备尚未完成：${unticked.map(item => item.zh).join('、')}`,
        en: `the resident’s preparation is not complete: ${unticked.map(item => item.en.charAt(0).toLowerCase() + item.en.slice(1)).join('; ')}`,
      },
    });
  }
  return checks;
}
