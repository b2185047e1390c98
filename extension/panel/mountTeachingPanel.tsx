import { createRoot } from 'react-dom/client';
import type { SignComparisonLoader } from '../service/signComparisonLoader';
import type { TeachingService } from '../service/TeachingService';
import { TeachingPanel } from './TeachingPanel';

/** Renders the teaching panel in its own React root inside `container`; returns how to take it down. */
export function mountTeachingPanel(container: HTMLElement, service: TeachingService, comparison: SignComparisonLoader): () => void {
  const root = createRoot(container);
  root.render(<TeachingPanel service={service} comparison={comparison} />);
  return () => root.unmount();
}
