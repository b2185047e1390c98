import type { LocalizedText, TrainingYear } from '../schema/common';
import type { Role } from '../session/people';

export const ROLE_LABELS = {
  resident: { zh: '住院医师', en: 'Resident' },
  tutor: { zh: '指导医师', en: 'Tutor' },
  admin: { zh: '管理员', en: 'Administrator' },
} as const satisfies Record<Role, LocalizedText>;

export const TRAINING_YEAR_LABELS = {
  1: { zh: '住培第一年', en: 'Year 1' },
  2: { zh: '住培第二年', en: 'Year 2' },
  3: { zh: '住培第三年', en: 'Year 3' },
} as const satisfies Record<TrainingYear, LocalizedText>;
