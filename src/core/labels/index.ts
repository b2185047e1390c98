export * from './stageLabels';
export * from './workLabels';
export * from './peopleLabels';
export * from './clockLabels';
export * from './rubricLabels';
