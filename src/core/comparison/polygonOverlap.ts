import { FillRule, areaPathsD, intersectD, unionD, type PathD } from 'clipper2-ts';

// Clipper2 (already installed with cornerstoneTools, now a dependency of its own) clips any simple or
// self-crossing polygon exactly, on integer coordinates of 1/100 mm; a hand-written clipper would be
// exact only for convex outlines, and freehand ones are not.

export type Outline = PathD;

/** The area a possibly self-crossing outline encloses, as the viewer fills it (non-zero winding). */
export function enclosedArea(outline: Outline): number {
  return Math.abs(areaPathsD(unionD([outline], FillRule.NonZero)));
}

export function overlapArea(a: Outline, b: Outline): number {
  return Math.abs(areaPathsD(intersectD([a], [b], FillRule.NonZero)));
}

/** Whether the point lies inside the outline (even–odd, so a self-crossing loop counts once). */
export function isInside(point: { x: number; y: number }, outline: Outline): boolean {
  let inside = false;
  for (let i = 0, j = outline.length - 1; i < outline.length; j = i++) {
    const a = outline[i]!;
    const b = outline[j]!;
    if (a.y > point.y !== b.y > point.y && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}
