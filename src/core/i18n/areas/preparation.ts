import { defineArea } from './defineArea';

/** The resident's preparation before the session (guide 3.3), and the patient told for a real-time case (3.1). */
export const PREPARATION_MESSAGES = defineArea(
  {
    'preparation.title': 'Preparation (3.3)',
    'preparation.progress': '{done}/{total} ready',
    'preparation.checklist': "The resident's preparation",
    'preparation.patient': 'Patient informed (real-time case)',
    'preparation.patientInformedAt': 'Patient informed of the teaching at {time}',
    'preparation.patientNotInformed': 'The patient has not been recorded as informed of the teaching yet.',
    'preparation.informedWhen': 'When the patient was informed (left empty: now)',
    'preparation.recordInformed': 'Record as informed',
  },
  {
    'preparation.title': '准备（3.3）',
    'preparation.progress': '已完成 {done}/{total}',
    'preparation.checklist': '住院医师的准备',
    'preparation.patient': '告知患者（实时病例）',
    'preparation.patientInformedAt': '已于 {time} 告知患者本次教学',
    'preparation.patientNotInformed': '尚未记录已告知患者本次教学。',
    'preparation.informedWhen': '告知患者的时间（留空即为现在）',
    'preparation.recordInformed': '记录为已告知',
  },
);
