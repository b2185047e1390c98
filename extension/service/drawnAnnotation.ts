/** What the panel shows of one annotation the resident drew on the images. */
export interface DrawnAnnotation {
  uid: string;
  toolName: string;
  label: string;
  /** The host's measured values with units, e.g. ["14.2 mm"]; empty for tools that measure nothing. */
  values: string[];
  studyInstanceUID?: string;
  seriesInstanceUID?: string;
  seriesNumber?: string;
  seriesDescription?: string;
  /** 1-based position of the image within its series as the viewer stacks it. */
  sliceIndex?: number;
  sliceCount?: number;
  /** Set for multi-frame images, 1-based. */
  frameNumber?: number;
}
