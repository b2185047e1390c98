import type { DicomJsonDataset } from '../dicom/dicomJson';
import type { InstanceRecord } from '../store/InstanceRecord';
import { buildInstanceMetadata } from './instanceMetadata';

/**
 * Per-instance metadata, built on first request. Keyed by the index record, so an instance
 * replaced through STOW-RS (a new record) is rebuilt and the old entry is collected.
 */
export class MetadataCache {
  private readonly entries = new WeakMap<InstanceRecord, Map<string, Promise<DicomJsonDataset>>>();

  get(record: InstanceRecord, prefix: string): Promise<DicomJsonDataset> {
    let byPrefix = this.entries.get(record);
    if (!byPrefix) {
      byPrefix = new Map();
      this.entries.set(record, byPrefix);
    }
    let metadata = byPrefix.get(prefix);
    if (!metadata) {
      metadata = buildInstanceMetadata(record, prefix);
      metadata.catch(() => byPrefix.delete(prefix));
      byPrefix.set(prefix, metadata);
    }
    return metadata;
  }
}
