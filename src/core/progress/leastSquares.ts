export interface Point {
  x: number;
  y: number;
}

/** The slope of the least-squares line through the points; null when the x values do not vary. */
export function leastSquaresSlope(points: Point[]): number | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((total, point) => total + point.x, 0) / points.length;
  const meanY = points.reduce((total, point) => total + point.y, 0) / points.length;
  const spreadX = points.reduce((total, point) => total + (point.x - meanX) ** 2, 0);
  if (spreadX === 0) return null;
  const covariance = points.reduce((total, point) => total + (point.x - meanX) * (point.y - meanY), 0);
  return covariance / spreadX;
}
