import type { TrainingYear } from '../../core/schema/common';

export const TRAINING_YEARS: TrainingYear[] = [1, 2, 3];
