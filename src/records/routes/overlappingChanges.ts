import type { Change } from '../../core/session/session';

const overlaps = (a: string[], b: string[]) => a.every((key, index) => index >= b.length || b[index] === key);

/**
 * Whether a write made on an older version touches what others changed since. Work and scores
 * live in separate places of a session, so a resident's autosave and a tutor's score never
 * collide; two tabs writing the same stage do, and the second is told instead of silently winning.
 */
export function touchesChangedSince(changesSince: Change[][], proposed: Change[]): boolean {
  return changesSince.some(changes => changes.some(theirs => proposed.some(mine => overlaps(theirs.path, mine.path))));
}
