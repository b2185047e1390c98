/** Rounds away binary noise so that 0.1 + 0.2 scores as 0.3. */
export function roundScore(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Whether `value` is a whole multiple of `step`, within floating-point tolerance. */
export function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) < 1e-9;
}

export function sum(values: number[]): number {
  return roundScore(values.reduce((total, value) => total + value, 0));
}
