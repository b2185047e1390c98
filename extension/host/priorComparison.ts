import type {
  CommandsManager,
  DisplaySet,
  ExtensionManager,
  GridViewport,
  HostCornerstoneRegistration,
  HostCornerstoneToolsSync,
  HostStackViewport,
  ServicesManager,
  ViewportGridService,
} from './ohifTypes';
import { nearestSlice, sliceAlignment, translationMatrix, type SeriesGeometry, type SliceAlignment, type Vec3 } from './sliceAlignment';

/** The prior as the PACS lists it, to name it before it is opened. */
export interface PriorStudySummary {
  studyInstanceUID: string;
  /** YYYY-MM-DD */
  date: string | undefined;
  description: string | undefined;
}

/** The prior study beside the current one in the viewer. */
export interface PriorComparison {
  describe(studyInstanceUID: string): Promise<PriorStudySummary>;
  /** Current study left, prior right, slice positions synchronised as the alignment says. */
  open(currentStudyInstanceUID: string, priorStudyInstanceUID: string): Promise<SliceAlignment>;
  /** Back to one viewport with the current study. */
  close(): Promise<void>;
}

const SYNCHRONIZER_ID = 'ohif-teaching-prior-slices';
const LEFT = '0-0';
const RIGHT = '1-0';

/** The host applies layouts after a timeout and renders when the images arrive: we wait for what we need to see. */
async function waitFor<T>(read: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/**
 * Puts a viewport back on a slice until it stays there. The host lays viewports out again after a
 * new layout without saying when, and sometimes from their first image; polled, since it announces
 * nothing an extension can wait for.
 */
async function keepOnSlice(viewport: () => { getCurrentImageIdIndex(): number; setImageIdIndex(index: number): Promise<unknown> } | undefined, slice: number): Promise<void> {
  let steady = 0;
  for (let look = 0; look < 40 && steady < 4; look++) {
    const current = viewport();
    if (current && current.getCurrentImageIdIndex() !== slice) {
      steady = 0;
      await current.setImageIdIndex(slice);
    } else if (current) {
      steady += 1;
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/**
 * The prior series to read beside the current one: the same modality and description (the same
 * protocol repeated), else the same modality, else the first with images.
 */
export function matchingSeries(current: Pick<DisplaySet, 'Modality' | 'SeriesDescription'> | undefined, candidates: readonly DisplaySet[]): DisplaySet | undefined {
  const imaging = candidates.filter(candidate => !candidate.isDerivedDisplaySet);
  const sameModality = imaging.filter(candidate => candidate.Modality === current?.Modality);
  return sameModality.find(candidate => candidate.SeriesDescription === current?.SeriesDescription) ?? sameModality[0] ?? imaging[0];
}

const formatDate = (date: string | undefined) => (date && /^\d{8}$/.test(date) ? `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` : date || undefined);

const toVec3 = (value: unknown): Vec3 | undefined => {
  if (!Array.isArray(value) || value.length < 3) return undefined;
  const numbers = value.slice(0, 3).map(Number) as [number, number, number];
  return numbers.every(Number.isFinite) ? numbers : undefined;
};

export function hostPriorComparison(servicesManager: ServicesManager, commandsManager: CommandsManager, extensionManager: ExtensionManager): PriorComparison {
  const cornerstone = () => (window as unknown as { cornerstone: HostCornerstoneRegistration }).cornerstone;
  const tools = () => (window as unknown as { cornerstoneTools: HostCornerstoneToolsSync }).cornerstoneTools;
  const grid = () => servicesManager.services.viewportGridService as ViewportGridService;
  const cell = (positionId: string): GridViewport | undefined => [...grid().getState().viewports.values()].find(viewport => viewport.positionId === positionId);
  const stackViewport = (viewportId: string): HostStackViewport | undefined =>
    cornerstone()
      .getRenderingEngines()
      .flatMap(engine => engine.getViewports())
      .find(viewport => viewport.id === viewportId);
  /** The viewport shows this series and has drawn it. */
  const showing = (viewportId: string, seriesInstanceUID: string) => {
    const viewport = stackViewport(viewportId);
    const imageId = viewport?.getImageIds?.()[0];
    const instance = imageId ? cornerstone().metaData.get('instance', imageId) : undefined;
    return viewport?.viewportStatus === 'rendered' && instance?.SeriesInstanceUID === seriesInstanceUID ? viewport : undefined;
  };
  const geometry = (viewport: HostStackViewport): SeriesGeometry => {
    const planes = viewport.getImageIds().map(imageId => cornerstone().metaData.get('imagePlaneModule', imageId));
    const first = planes[0];
    const positions = planes.map(plane => toVec3(plane?.imagePositionPatient));
    return {
      frameOfReferenceUID: first?.frameOfReferenceUID,
      orientation: first?.imageOrientationPatient?.map(Number),
      // One position per image, in the viewport's order, or none: an index must name the same image in both.
      positions: positions.every((position): position is Vec3 => position !== undefined) ? positions : [],
    };
  };
  /** What the left viewport showed before the comparison, to come back to. */
  let opened: { viewportId: string; displaySetInstanceUID: string } | undefined;

  const stopSync = () => {
    if (tools().SynchronizerManager.getSynchronizer(SYNCHRONIZER_ID)) tools().SynchronizerManager.destroySynchronizer(SYNCHRONIZER_ID);
  };

  return {
    async describe(studyInstanceUID) {
      const [dataSource] = extensionManager.getActiveDataSource();
      const found = (await dataSource?.query.studies.search({ studyInstanceUid: studyInstanceUID }))?.find(study => study.studyInstanceUid === studyInstanceUID);
      return { studyInstanceUID, date: formatDate(found?.date), description: found?.description || undefined };
    },

    async open(currentStudyInstanceUID, priorStudyInstanceUID) {
      const { displaySetService } = servicesManager.services;
      const reading = grid().getState();
      const slice = stackViewport(cell(LEFT)?.viewportId ?? reading.activeViewportId ?? '')?.getCurrentImageIdIndex();
      await commandsManager.runCommand('loadStudy', { StudyInstanceUID: priorStudyInstanceUID });
      const priorSets = await waitFor(() => {
        const sets = displaySetService.getActiveDisplaySets().filter(set => set.StudyInstanceUID === priorStudyInstanceUID);
        return sets.length > 0 ? sets : undefined;
      }, 'the prior study to load');
      const state = grid().getState();
      const left = cell(LEFT) ?? state.viewports.get(state.activeViewportId ?? '');
      const currentSet = left?.displaySetInstanceUIDs.map(uid => displaySetService.getDisplaySetByUID(uid)).find(set => set?.StudyInstanceUID === currentStudyInstanceUID);
      if (!left || !currentSet) throw new Error('the current study is not in the viewer');
      const priorSet = matchingSeries(currentSet, priorSets);
      if (!priorSet) throw new Error('the prior study has no images');
      opened = { viewportId: left.viewportId, displaySetInstanceUID: currentSet.displaySetInstanceUID };

      commandsManager.runCommand('setViewportGridLayout', { numRows: 1, numCols: 2 });
      const right = await waitFor(() => cell(RIGHT), 'the second viewport');
      commandsManager.runCommand('setDisplaySetsForViewports', {
        viewportsToUpdate: [{ viewportId: right.viewportId, displaySetInstanceUIDs: [priorSet.displaySetInstanceUID] }],
      });
      const leftId = cell(LEFT)?.viewportId ?? left.viewportId;
      // The resident stays on the slice they were reading.
      if (slice !== undefined) await keepOnSlice(() => showing(leftId, currentSet.SeriesInstanceUID), slice);
      const currentViewport = await waitFor(() => showing(leftId, currentSet.SeriesInstanceUID), 'the current study to render');
      const priorViewport = await waitFor(() => showing(right.viewportId, priorSet.SeriesInstanceUID), 'the prior study to render');

      const currentGeometry = geometry(currentViewport);
      const priorGeometry = geometry(priorViewport);
      const alignment = sliceAlignment(currentGeometry, priorGeometry);
      stopSync();
      if (alignment.kind === 'none') return alignment;
      // Keyed target, source: the synchroniser carries a current position into the prior's space with
      // it, and the provider inverts it for the other direction.
      cornerstone().utilities.spatialRegistrationMetadataProvider.add([priorViewport.id, currentViewport.id], translationMatrix(alignment.translationMm));
      const synchronizer = tools().synchronizers.createImageSliceSynchronizer(SYNCHRONIZER_ID);
      synchronizer.add({ renderingEngineId: currentViewport.renderingEngineId, viewportId: currentViewport.id });
      synchronizer.add({ renderingEngineId: priorViewport.renderingEngineId, viewportId: priorViewport.id });
      // The synchroniser follows the next scroll; the prior starts at the level the resident is on now.
      const here = currentGeometry.positions[currentViewport.getCurrentImageIdIndex()];
      const index = here ? nearestSlice(priorGeometry.positions, here, alignment.translationMm) : -1;
      if (index >= 0 && index !== priorViewport.getCurrentImageIdIndex()) await priorViewport.setImageIdIndex(index);
      return alignment;
    },

    async close() {
      stopSync();
      const back = opened;
      opened = undefined;
      commandsManager.runCommand('setViewportGridLayout', { numRows: 1, numCols: 1 });
      const remaining = await waitFor(() => {
        const { viewports } = grid().getState();
        return viewports.size === 1 ? [...viewports.values()][0] : undefined;
      }, 'the single viewport');
      if (back && !remaining.displaySetInstanceUIDs.includes(back.displaySetInstanceUID)) {
        commandsManager.runCommand('setDisplaySetsForViewports', {
          viewportsToUpdate: [{ viewportId: remaining.viewportId, displaySetInstanceUIDs: [back.displaySetInstanceUID] }],
        });
      }
    },
  };
}
