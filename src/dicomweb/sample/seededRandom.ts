/** Mulberry32: small, fast and good enough for image noise; the seed makes every run identical. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  next(): number {
    // Kept as a signed 32-bit integer so V8 stores it unboxed.
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A table of standard-normal samples, indexed by `nextIndex`, for noise over millions of pixels. */
  gaussianTable(size: number): Float32Array {
    const table = new Float32Array(size);
    for (let i = 0; i < size; i++) table[i] = this.gaussian();
    return table;
  }

  /** Uniform integer in [0, size). */
  nextIndex(size: number): number {
    return Math.floor(this.next() * size);
  }

  /** Approximately standard normal (Irwin–Hall with four terms), cheap enough for per-pixel noise. */
  gaussian(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508;
  }
}
