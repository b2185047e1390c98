export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  /** Rotation in radians, counter-clockwise from the +x axis. */
  angle?: number;
}

/**
 * A float image addressed in millimetres, painted with soft-edged ellipses; the phantoms are
 * composed from these, painter's-algorithm style.
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

  /** Replaces what lies beneath with `value` (blended over a one-pixel edge), optionally only where `clip` is set. */
  fill(shape: Ellipse, value: number, clip?: Uint8Array): void {
    this.paint(shape, value, false, clip);
  }

  /** Adds `value` to what lies beneath, for projection images where densities sum. */
  add(shape: Ellipse, value: number): void {
    this.paint(shape, value, true, undefined);
  }

  /** 1 where `predicate` holds for the current value, for clipping later shapes to a tissue. */
  maskWhere(predicate: (value: number) => boolean): Uint8Array {
    const mask = new Uint8Array(this.values.length);
    for (let i = 0; i < mask.length; i++) mask[i] = predicate(this.values[i]!) ? 1 : 0;
    return mask;
  }

  private paint(shape: Ellipse, value: number, additive: boolean, clip: Uint8Array | undefined): void {
    const { cx, cy, rx, ry } = shape;
    if (rx <= 0 || ry <= 0) return;
    const cos = Math.cos(shape.angle ?? 0);
    const sin = Math.sin(shape.angle ?? 0);
    const spacing = this.spacing;
    const reach = Math.max(rx, ry) + spacing;
    const firstColumn = Math.max(0, Math.floor((cx - reach - this.originX) / spacing));
    const lastColumn = Math.min(this.columns - 1, Math.ceil((cx + reach - this.originX) / spacing));
    const firstRow = Math.max(0, Math.floor((cy - reach - this.originY) / spacing));
    const lastRow = Math.min(this.rows - 1, Math.ceil((cy + reach - this.originY) / spacing));
    // Only pixels within about a pixel of the boundary need the exact coverage computation.
    const edge = (1.5 * spacing) / Math.min(rx, ry);
    const surelyInside = Math.max(0, 1 - edge) ** 2;
    const surelyOutside = (1 + edge) ** 2;
    const values = this.values;
    for (let row = firstRow; row <= lastRow; row++) {
      const dy = this.originY + row * spacing - cy;
      for (let column = firstColumn; column <= lastColumn; column++) {
        const index = row * this.columns + column;
        if (clip && clip[index] === 0) continue;
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
