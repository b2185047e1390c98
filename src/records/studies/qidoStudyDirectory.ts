import { StudyDirectoryUnavailable, type StudyDirectory } from './StudyDirectory';

const STUDY_INSTANCE_UID = '0020000D';
const TIMEOUT_MS = 10_000;

/**
 * A department's own PACS, asked with QIDO-RS: one search per study, matching its Study Instance
 * UID and asking back for that UID only. 204 and an empty array both mean the PACS has no such study.
 */
export function qidoStudyDirectory(dicomWebRoot: string, fetchImpl: typeof fetch = fetch): StudyDirectory {
  const root = dicomWebRoot.replace(/\/+$/, '');
  async function holds(uid: string): Promise<boolean> {
    const url = `${root}/studies?${new URLSearchParams({ StudyInstanceUID: uid, includefield: STUDY_INSTANCE_UID })}`;
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { accept: 'application/dicom+json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new StudyDirectoryUnavailable(`${root}: ${(error as Error).message}`);
    }
    if (response.status === 204) return false;
    if (!response.ok) throw new StudyDirectoryUnavailable(`${root}: HTTP ${response.status}`);
    const studies = (await response.json().catch(() => undefined)) as Array<Record<string, { Value?: unknown[] }>> | undefined;
    if (!Array.isArray(studies)) throw new StudyDirectoryUnavailable(`${root}: the QIDO-RS answer is not a JSON array`);
    // Some archives match UIDs loosely (or ignore the filter): only an exact UID counts.
    return studies.some(study => study[STUDY_INSTANCE_UID]?.Value?.[0] === uid);
  }
  return {
    async missingStudies(studyInstanceUIDs) {
      const held = await Promise.all(studyInstanceUIDs.map(holds));
      return studyInstanceUIDs.filter((_uid, index) => !held[index]);
    },
  };
}
