import type { LocalizedText } from '../schema/common';
import type { SheetSection } from './rubricSchema';

/**
 * A section the published source scores as a whole without listing items. It becomes one item with
 * the section's id, title and points, so the tutor scores what the source scores and nothing is made up.
 */
export function singleItemSection(id: string, title: LocalizedText, points: number): SheetSection {
  return { id, title, points, items: [{ id, label: { ...title }, points }] };
}
