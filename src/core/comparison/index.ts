export * from './signGeometry';
export * from './signComparison';
export { geometryOf, type GeometryResult } from './annotationGeometry';
export { compareSigns } from './compareSigns';
export { suggestSignScores, type SignScoreInput } from './suggestSignScores';
export { buildSignComparison, withNegativeChecks, type SignComparisonInput } from './buildSignComparison';
