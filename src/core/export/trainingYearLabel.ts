import type { TrainingYear } from '../schema/common';
import type { ExportLabels } from './exportLabels';

export function trainingYearLabel(year: TrainingYear, labels: ExportLabels): string {
  return labels.value[`year${year}`];
}
