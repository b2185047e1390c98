import { describe, expect, it } from 'vitest';
import { AUTHOR_COLOURS, authorStyle, isAuthorRole } from '../../../extension/host/annotationStyle';

/** The host's own state colours (cornerstoneTools' defaults): drawn, selected, under the pointer, locked. */
const HOST_COLOURS = ['rgb(255, 255, 0)', 'rgb(0, 220, 0)', 'rgb(0, 255, 0)', 'rgb(209, 193, 90)'];

const channels = (colour: string) => colour.match(/\d+/g)!.map(Number);
const distance = (a: string, b: string) => Math.hypot(...channels(a).map((value, index) => value - channels(b)[index]!));
/** WCAG relative luminance, for how the colour reads on the black viewport. */
const luminance = (colour: string) => {
  const [r, g, b] = channels(colour).map(value => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

describe('the colour of an annotation by its author', () => {
  it('tells the resident from the tutor, and neither from a state of the host', () => {
    expect(distance(AUTHOR_COLOURS.resident, AUTHOR_COLOURS.tutor)).toBeGreaterThan(150);
    for (const colour of Object.values(AUTHOR_COLOURS)) {
      for (const host of HOST_COLOURS) expect(distance(colour, host), `${colour} against ${host}`).toBeGreaterThan(120);
      // Contrast against black of at least 7:1.
      expect((luminance(colour) + 0.05) / 0.05).toBeGreaterThan(7);
    }
  });

  it('keeps the colour when the drawing is locked, since locked comes before the default state', () => {
    expect(authorStyle('tutor')).toEqual({
      color: AUTHOR_COLOURS.tutor,
      colorLocked: AUTHOR_COLOURS.tutor,
      textBoxColor: AUTHOR_COLOURS.tutor,
      textBoxColorLocked: AUTHOR_COLOURS.tutor,
    });
    // Selection and the pointer stay the host's, whoever drew the line.
    expect(Object.keys(authorStyle('resident')).some(key => /Selected|Highlighted/.test(key))).toBe(false);
  });

  it('gives a colour to the two people who draw only', () => {
    expect(isAuthorRole('resident')).toBe(true);
    expect(isAuthorRole('tutor')).toBe(true);
    expect(isAuthorRole('admin')).toBe(false);
    expect(isAuthorRole(undefined)).toBe(false);
  });
});
