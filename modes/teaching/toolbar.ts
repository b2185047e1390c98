/**
 * The teaching toolbar, layered over the host's own sections (`cornerstone.toolbarSections`):
 * the tools residents mark signs with come first, in one measurement group.
 */
export const TEACHING_MEASUREMENT_TOOLS = [
  'Length',
  'Bidirectional',
  'EllipticalROI',
  'RectangleROI',
  'ArrowAnnotate',
  'Probe',
  'Angle',
  'PlanarFreehandROI',
];

export const teachingToolbarSections = {
  primary: ['MeasurementTools', 'Zoom', 'Pan', 'WindowLevel', 'Capture', 'Layout', 'Crosshairs', 'MoreTools'],
  MeasurementTools: TEACHING_MEASUREMENT_TOOLS,
  MoreTools: [
    'Reset',
    'rotate-right',
    'flipHorizontal',
    'ImageSliceSync',
    'ReferenceLines',
    'StackScroll',
    'invert',
    'Cine',
    'CircleROI',
    'CobbAngle',
    'Magnify',
    'CalibrationLine',
    'TagBrowser',
    'UltrasoundDirectionalTool',
  ],
};
