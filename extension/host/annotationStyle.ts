import type { Role } from '../../src/core/session/people';

/** The two people who draw in a session. */
export type AuthorRole = Extract<Role, 'resident' | 'tutor'>;

/**
 * Who drew an annotation, told by its colour, on the viewport and beside its row in the panel. Both
 * read on the dark viewport and stay clear of the host's own state colours: yellow (drawn),
 * green (selected or under the pointer) and gold (locked).
 */
export const AUTHOR_COLOURS: Record<AuthorRole, string> = {
  resident: 'rgb(92, 179, 255)',
  tutor: 'rgb(255, 122, 198)',
};

export const isAuthorRole = (role: Role | undefined): role is AuthorRole => role === 'resident' || role === 'tutor';

/**
 * The style of one annotation, by its author. The tools look up `color<State>` before `color`, and
 * locked comes before the default state, so a locked drawing keeps the author's colour only when
 * the locked colours are set too. Selected and highlighted are left to the host: they answer the
 * person's pointer, whoever drew the line.
 */
export function authorStyle(role: AuthorRole): Record<string, string> {
  const colour = AUTHOR_COLOURS[role];
  return { color: colour, colorLocked: colour, textBoxColor: colour, textBoxColorLocked: colour };
}

/**
 * The case's reference drawings (the tutor's own reading, owned by the case, not a session): amber,
 * apart from both authors and the host's yellow, green and gold.
 */
export const REFERENCE = 'rgb(255, 190, 60)';

/** Whose a drawing is, as its colour tells: one of the session's two authors, or the case's reference. */
export type DrawingOwner = AuthorRole | 'reference';

/** The style of a drawing by its owner; locked colours set too, for the reason `authorStyle` gives. */
export function ownerStyle(owner: DrawingOwner): Record<string, string> {
  if (owner !== 'reference') return authorStyle(owner);
  return { color: REFERENCE, colorLocked: REFERENCE, textBoxColor: REFERENCE, textBoxColorLocked: REFERENCE };
}

/** What the comparison with the case's reference made of a drawing, shown on the images. */
export type ComparisonMark = 'found' | 'missed' | 'extra' | 'uncompared';

/**
 * Found in green (the resident's drawing and the reference's), missed (the reference's drawing) in
 * red, extra (the resident's drawing) in orange; a reference drawing that could not be compared
 * keeps the reference's amber. Red, orange and amber come dashed, so that they read apart without
 * relying on colour alone.
 */
export const COMPARISON_COLOURS: Record<ComparisonMark, string> = {
  found: 'rgb(80, 200, 120)',
  missed: 'rgb(255, 90, 90)',
  extra: 'rgb(255, 160, 40)',
  uncompared: REFERENCE,
};

const COMPARISON_DASH = '6,4';

/** The style of a drawing in the comparison overlay; like `authorStyle`, the locked state is coloured too. */
export function comparisonStyle(mark: ComparisonMark): Record<string, string> {
  const colour = COMPARISON_COLOURS[mark];
  return { color: colour, colorLocked: colour, textBoxColor: colour, textBoxColorLocked: colour, ...(mark === 'found' ? {} : { lineDash: COMPARISON_DASH }) };
}
