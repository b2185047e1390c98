/**
 * The slice of the OHIF host API this extension touches. `@ohif/core` 3.13 ships no type
 * declarations on npm (its `types` field points at sources it does not publish), so the shapes we
 * rely on are stated here, narrowly, and checked against the running viewer by the browser tests.
 */

export interface Subscription {
  unsubscribe(): void;
}

export interface PubSub<Events extends string = string> {
  EVENTS: Record<Events, string>;
  subscribe(event: string, callback: (payload: any) => void): Subscription;
}

export interface DisplayText {
  primary?: string[];
  secondary?: string[];
}

/** A measurement as the host's measurementService holds it. */
export interface HostMeasurement {
  uid: string;
  toolName: string;
  label?: string;
  displayText?: DisplayText;
  referenceStudyUID?: string;
  referenceSeriesUID?: string;
  SOPInstanceUID?: string;
  frameNumber?: number;
  displaySetInstanceUID?: string;
  isLocked?: boolean;
  isVisible?: boolean;
}

export interface MeasurementService extends PubSub<
  'MEASUREMENT_ADDED' | 'MEASUREMENT_UPDATED' | 'MEASUREMENT_REMOVED' | 'MEASUREMENTS_CLEARED' | 'RAW_MEASUREMENT_ADDED'
> {
  getMeasurements(filter?: (measurement: HostMeasurement) => boolean): HostMeasurement[];
  getMeasurement(uid: string): HostMeasurement | undefined;
  /** Toggles both the measurement and the tools' lock registry (a toggle: read `isLocked` first). */
  toggleLockMeasurement(uid: string): void;
  toggleVisibilityMeasurement(uid: string, visible: boolean): void;
}

/** With `config.oidc` the host answers with its bearer token; without, undefined. */
export interface UserAuthenticationService {
  getAuthorizationHeader?(): Record<string, string> | undefined;
}

/** An instance's header (dcmjs-naturalized: keyword → value), with what the host adds to it. */
export interface HostInstance {
  SOPInstanceUID: string;
  InstanceNumber?: number | string;
  /** Set by the host's data source for every instance it loaded. */
  imageId?: string;
  [keyword: string]: unknown;
}

export interface DisplaySet {
  displaySetInstanceUID: string;
  StudyInstanceUID?: string;
  SeriesInstanceUID: string;
  SeriesNumber?: number | string;
  SeriesDescription?: string;
  Modality?: string;
  isMultiFrame?: boolean;
  numImageFrames?: number;
  /** Set on display sets made from other series, such as SR and SEG. */
  isDerivedDisplaySet?: boolean;
  instances?: HostInstance[];
}

export interface DisplaySetService {
  getDisplaySetByUID(displaySetInstanceUID: string): DisplaySet | undefined;
  getActiveDisplaySets(): DisplaySet[];
}

export interface CommandsManager {
  runCommand(commandName: string, options?: Record<string, unknown>, contextName?: string): unknown;
}

export interface ServiceRegistration<T> {
  name: string;
  create(params: { servicesManager: ServicesManager; commandsManager: CommandsManager; configuration?: unknown }): T;
}

export interface ServicesManager {
  services: {
    measurementService: MeasurementService;
    displaySetService: DisplaySetService;
    userAuthenticationService?: UserAuthenticationService;
    [name: string]: unknown;
  };
  registerService<T>(registration: ServiceRegistration<T>, configuration?: unknown): void;
}

export interface ExtensionParams {
  servicesManager: ServicesManager;
  commandsManager: CommandsManager;
  extensionManager?: unknown;
  appConfig?: { teaching?: { language?: string; apiRoot?: string } } & Record<string, unknown>;
  configuration?: unknown;
}

/** A cornerstoneTools annotation as JSON: kept as the host made it, read only where named. */
export interface ToolAnnotation {
  annotationUID?: string;
  metadata: { FrameOfReferenceUID?: string; referencedImageId?: string; [key: string]: unknown };
  data: Record<string, unknown>;
  [key: string]: unknown;
}

/** `window.cornerstone`: the host's own instance. */
export interface HostCornerstone {
  getRenderingEngines(): Array<{ getViewports(): HostViewport[] }>;
  metaData: { get(type: string, imageId: string): any };
}

export interface HostViewport {
  id: string;
  viewportStatus?: string;
  getCurrentImageId?(): string | undefined;
}

/** `window.cornerstoneTools`: the host's own instance, which holds every annotation drawn. */
export interface HostCornerstoneTools {
  annotation: {
    state: {
      getAnnotation(uid: string): ToolAnnotation | undefined;
      addAnnotation(annotation: ToolAnnotation, annotationGroupSelector: string | HTMLDivElement): string;
      triggerAnnotationCompleted(annotation: ToolAnnotation): void;
    };
    /** Per-annotation style objects, which replace (not merge with) what the annotation had. */
    config: { style: { setAnnotationStyles(uid: string, styles: Record<string, string>): void } };
    selection: { setAnnotationSelected(uid: string, selected?: boolean, preserveSelected?: boolean): void };
  };
  utilities: { triggerAnnotationRenderForViewportIds(viewportIds: string[]): void };
}

/** One cell of the host's viewport grid. */
export interface GridViewport {
  viewportId: string;
  displaySetInstanceUIDs: string[];
  /** `<column>-<row>`, e.g. '1-0' for the right cell of a 1 × 2 grid. */
  positionId?: string;
}

export interface ViewportGridService {
  getState(): { viewports: Map<string, GridViewport>; activeViewportId?: string; layout: { numRows: number; numCols: number } };
}

/** A study as the host's data source lists it from QIDO-RS (its `processResults`). */
export interface QidoStudySummary {
  studyInstanceUid: string;
  /** YYYYMMDD */
  date?: string;
  description?: string;
  modalities?: string;
  /** The PatientID. */
  mrn?: string;
}

export interface HostDataSource {
  /** `patientId` with `disableWildcard`: the patient's studies by exact PatientID, as the host's own study browser asks. */
  query: { studies: { search(params: { studyInstanceUid: string } | { patientId: string; disableWildcard: true }): Promise<QidoStudySummary[]> } };
}

export interface ExtensionManager {
  getActiveDataSource(): HostDataSource[];
}

/** A cornerstone stack viewport, with what slice synchronisation reads and moves. */
export interface HostStackViewport extends HostViewport {
  renderingEngineId: string;
  getImageIds(): string[];
  getCurrentImageIdIndex(): number;
  setImageIdIndex(index: number): Promise<unknown>;
}

/** `window.cornerstone` as the prior comparison uses it, with the registration provider the image-slice synchroniser reads. */
export interface HostCornerstoneRegistration {
  getRenderingEngines(): Array<{ id: string; getViewports(): HostStackViewport[] }>;
  metaData: HostCornerstone['metaData'];
  utilities: { spatialRegistrationMetadataProvider: { add(viewportIds: [target: string, source: string], matrix: ArrayLike<number>): void } };
}

export interface HostSynchronizer {
  id: string;
  add(viewport: { renderingEngineId: string; viewportId: string }): void;
}

/** `window.cornerstoneTools`: its synchronisers, made and destroyed in the host's own instance. */
export interface HostCornerstoneToolsSync {
  synchronizers: { createImageSliceSynchronizer(id: string): HostSynchronizer };
  SynchronizerManager: { destroySynchronizer(id: string): void; getSynchronizer(id: string): HostSynchronizer | undefined };
}
