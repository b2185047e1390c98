export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  /** Rotation in radians, counter-clockwise from the +x axis. */
  angle?: number;
}

/**
 * Where a shape may paint: where a mask is set; given a number, only where the value beneath is
 * below it; given `{ atLeast }`, only where the value beneath is at least that.
 */
export type Clip = Uint8Array | number | { atLeast: number };

/** A segment with a radius: every point within `r` of the segment from (x0, y0) to (x1, y1). */
export interface Capsule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  r: number;
}

/**
 * A float image addressed in millimetres, painted with soft-edged ellipses and capsules; the
 * phantoms are composed from these, painter's-algorithm style. Shapes are scanned row by row over
 * their exact extent, and only pixels within about a pixel of a boundary get the coverage
 * computation, so large shapes cost little more than writing their pixels.
 */
export class MmCanvas {
  readonly values: Float32Array;

  constructor(
    readonly columns: number,
    readonly rows: number,
    /** Millimetres per pixel. */
    readonly spacing: number,
    /** Millimetre position of the centre of pixel (0, 0). */
    readonly originX: number,
    readonly originY: number,
    background: number,
  ) {
    this.values = new Float32Array(columns * rows).fill(background);
  }

  /** A copy to paint on, so layers common to many images are painted once. */
  clone(): MmCanvas {
    const copy = new MmCanvas(this.columns, this.rows, this.spacing, this.originX, this.originY, 0);
    copy.values.set(this.values);
    return copy;
  }

  /** Overwrites this canvas with the pixels of another of the same size. */
  copyFrom(other: MmCanvas): void {
    this.values.set(other.values);
  }

  /**
   * Replaces what lies beneath with `value` (blended over a one-pixel edge), optionally only where
   * `clip` is set or, given a number, only where the value beneath is below it.
   */
  fill(shape: Ellipse, value: number, clip?: Clip): void {
    this.paintEllipse(shape, value, false, clip);
  }

  /** Adds `value` to what lies beneath, for projection images where densities sum. */
  add(shape: Ellipse, value: number): void {
    this.paintEllipse(shape, value, true, undefined);
  }

  /** Replaces what lies within `r` of a segment (a disc when both ends coincide), clipped as for `fill`. */
  fillCapsule(shape: Capsule, value: number, clip?: Clip): void {
    const { x0, y0, r } = shape;
    if (r <= 0) return;
    const spacing = this.spacing;
    const ex = shape.x1 - x0;
    const ey = shape.y1 - y0;
    const lengthSquared = ex * ex + ey * ey;
    const reach = r + spacing;
    const firstColumn = Math.max(0, Math.floor((Math.min(x0, shape.x1) - reach - this.originX) / spacing));
    const lastColumn = Math.min(this.columns - 1, Math.ceil((Math.max(x0, shape.x1) + reach - this.originX) / spacing));
    const firstRow = Math.max(0, Math.floor((Math.min(y0, shape.y1) - reach - this.originY) / spacing));
    const lastRow = Math.min(this.rows - 1, Math.ceil((Math.max(y0, shape.y1) + reach - this.originY) / spacing));
    const outerSquared = (r + 0.5 * spacing) ** 2;
    const innerSquared = Math.max(0, r - 0.5 * spacing) ** 2;
    const values = this.values;
    const { mask, below, atLeast } = clipLimits(clip);
    for (let row = firstRow; row <= lastRow; row++) {
      const py = this.originY + row * spacing - y0;
      let index = row * this.columns + firstColumn;
      for (let column = firstColumn; column <= lastColumn; column++, index++) {
        if ((mask && mask[index] === 0) || values[index]! >= below || values[index]! < atLeast) continue;
        const px = this.originX + column * spacing - x0;
        let t = lengthSquared > 0 ? (px * ex + py * ey) / lengthSquared : 0;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const dx = px - t * ex;
        const dy = py - t * ey;
        const distanceSquared = dx * dx + dy * dy;
        if (distanceSquared >= outerSquared) continue;
        if (distanceSquared <= innerSquared) {
          values[index] = value;
        } else {
          const coverage = 0.5 - (Math.sqrt(distanceSquared) - r) / spacing;
          values[index] = values[index]! * (1 - coverage) + value * coverage;
        }
      }
    }
  }

  private paintEllipse(shape: Ellipse, value: number, additive: boolean, clip: Clip | undefined): void {
    const { cx, cy, rx, ry } = shape;
    if (rx <= 0 || ry <= 0) return;
    const cos = Math.cos(shape.angle ?? 0);
    const sin = Math.sin(shape.angle ?? 0);
    const spacing = this.spacing;
    // Only pixels within about a pixel of the boundary need the exact coverage computation.
    const edge = (1.5 * spacing) / Math.min(rx, ry);
    const surelyInside = Math.max(0, 1 - edge) ** 2;
    const surelyOutside = (1 + edge) ** 2;
    // q(dx) = a·dx² + b·dx + c is the squared normalised radius along a row.
    const a = (cos * cos) / (rx * rx) + (sin * sin) / (ry * ry);
    const bPerDy = 2 * cos * sin * (1 / (rx * rx) - 1 / (ry * ry));
    const cPerDy2 = (sin * sin) / (rx * rx) + (cos * cos) / (ry * ry);
    const halfHeight = Math.sqrt(surelyOutside / cPerDy2 / (1 - (bPerDy * bPerDy) / (4 * a * cPerDy2) || 1e-12));
    const firstRow = Math.max(0, Math.floor((cy - halfHeight - this.originY) / spacing));
    const lastRow = Math.min(this.rows - 1, Math.ceil((cy + halfHeight - this.originY) / spacing));
    const values = this.values;
    const { mask, below, atLeast } = clipLimits(clip);
    for (let row = firstRow; row <= lastRow; row++) {
      const dy = this.originY + row * spacing - cy;
      const b = bPerDy * dy;
      const c = cPerDy2 * dy * dy;
      const outerDiscriminant = b * b - 4 * a * (c - surelyOutside);
      if (outerDiscriminant <= 0) continue;
      const outerRoot = Math.sqrt(outerDiscriminant);
      const firstColumn = Math.max(0, Math.floor((cx + (-b - outerRoot) / (2 * a) - this.originX) / spacing));
      const lastColumn = Math.min(this.columns - 1, Math.ceil((cx + (-b + outerRoot) / (2 * a) - this.originX) / spacing));
      // Columns safely inside the surely-inside span (one column of margin against rounding) are written directly.
      let innerFirst = lastColumn + 1;
      let innerLast = lastColumn;
      const innerDiscriminant = b * b - 4 * a * (c - surelyInside);
      if (surelyInside > 0 && innerDiscriminant > 0) {
        const innerRoot = Math.sqrt(innerDiscriminant);
        innerFirst = Math.max(firstColumn, Math.ceil((cx + (-b - innerRoot) / (2 * a) - this.originX) / spacing) + 1);
        innerLast = Math.min(lastColumn, Math.floor((cx + (-b + innerRoot) / (2 * a) - this.originX) / spacing) - 1);
        if (innerLast < innerFirst) {
          innerFirst = lastColumn + 1;
          innerLast = lastColumn;
        }
      }
      const rowStart = row * this.columns;
      for (let column = firstColumn; column <= lastColumn; column++) {
        if (column === innerFirst) {
          const start = rowStart + innerFirst;
          const end = rowStart + innerLast;
          if (clip === undefined) {
            if (additive) for (let index = start; index <= end; index++) values[index] = values[index]! + value;
            else values.fill(value, start, end + 1);
          } else {
            for (let index = start; index <= end; index++) {
              if ((mask && mask[index] === 0) || values[index]! >= below || values[index]! < atLeast) continue;
              values[index] = additive ? values[index]! + value : value;
            }
          }
          column = innerLast;
          continue;
        }
        const index = rowStart + column;
        if ((mask && mask[index] === 0) || values[index]! >= below || values[index]! < atLeast) continue;
        const dx = this.originX + column * spacing - cx;
        const u = (dx * cos + dy * sin) / rx;
        const v = (-dx * sin + dy * cos) / ry;
        const q = u * u + v * v;
        if (q >= surelyOutside) continue;
        let coverage = 1;
        if (q > surelyInside) {
          // Distance outside the boundary along the ray from the centre, in pixels.
          const outside = (Math.sqrt(dx * dx + dy * dy) * (1 - 1 / Math.sqrt(q))) / spacing;
          coverage = Math.min(1, Math.max(0, 0.5 - outside));
          if (coverage <= 0) continue;
        }
        values[index] = additive ? values[index]! + value * coverage : values[index]! * (1 - coverage) + value * coverage;
      }
    }
  }
}

function clipLimits(clip: Clip | undefined): { mask: Uint8Array | undefined; below: number; atLeast: number } {
  if (clip === undefined) return { mask: undefined, below: Infinity, atLeast: -Infinity };
  if (typeof clip === 'number') return { mask: undefined, below: clip, atLeast: -Infinity };
  if (clip instanceof Uint8Array) return { mask: clip, below: Infinity, atLeast: -Infinity };
  return { mask: undefined, below: Infinity, atLeast: clip.atLeast };
}
