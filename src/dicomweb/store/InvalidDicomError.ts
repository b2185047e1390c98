/** Raised when bytes offered for storage are not a usable DICOM Part 10 instance; `message` says why. */
export class InvalidDicomError extends Error {
  override readonly name = 'InvalidDicomError';
}
