import type { Language, Translate } from '../../../src/core/i18n';
import type { CasePreparation } from '../../service/casePreparation';
import type { TeachingService } from '../../service/TeachingService';

/** What every part of the preparation panel is given. */
export interface PreparationProps {
  preparation: CasePreparation;
  service: TeachingService;
  language: Language;
  t: Translate;
}
