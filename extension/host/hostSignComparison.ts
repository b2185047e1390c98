import { SignComparisonView } from '../service/signComparisonView';
import type { TeachingService } from '../service/TeachingService';
import { hostComparisonOverlay } from './comparisonOverlay';
import type { CommandsManager, ServicesManager } from './ohifTypes';

/** The sign comparison in this viewer: the view, and its overlay on the host's images. Loaded on demand, with both in one chunk. */
export function hostSignComparison(servicesManager: ServicesManager, commandsManager: CommandsManager, service: TeachingService): SignComparisonView {
  return new SignComparisonView({ service, overlay: hostComparisonOverlay(servicesManager, commandsManager) });
}
