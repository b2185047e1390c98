import { open, readFile } from 'node:fs/promises';
import dicomParser from 'dicom-parser';
import { HttpError, notFound } from '../http/HttpError';
import type { InstanceRecord } from '../store/InstanceRecord';

function nativeFrameLength(record: InstanceRecord): number {
  return Math.ceil((record.rows * record.columns * record.samplesPerPixel * record.bitsAllocated) / 8);
}

async function readNativeFrames(record: InstanceRecord, frameNumbers: number[]): Promise<Uint8Array[]> {
  const frameLength = nativeFrameLength(record);
  const pixelData = record.pixelData!;
  const handle = await open(record.filePath, 'r');
  try {
    return await Promise.all(
      frameNumbers.map(async (frameNumber) => {
        const start = (frameNumber - 1) * frameLength;
        if (pixelData.length !== undefined && start + frameLength > pixelData.length) {
          throw new HttpError(500, `Pixel data of ${record.sopInstanceUID} is shorter than its ${record.numberOfFrames} frames`);
        }
        const frame = new Uint8Array(frameLength);
        await handle.read(frame, 0, frameLength, pixelData.offset + start);
        return frame;
      }),
    );
  } finally {
    await handle.close();
  }
}

async function readEncapsulatedFrames(record: InstanceRecord, frameNumbers: number[]): Promise<Uint8Array[]> {
  const bytes = new Uint8Array(await readFile(record.filePath));
  const dataSet = dicomParser.parseDicom(bytes);
  const element = dataSet.elements.x7fe00010;
  const fragments = element?.fragments;
  if (!element || !fragments) throw new HttpError(500, `Encapsulated pixel data of ${record.sopInstanceUID} cannot be read`);
  const hasOffsetTable = (element.basicOffsetTable?.length ?? 0) > 0;
  return frameNumbers.map((frameNumber) => {
    const frameIndex = frameNumber - 1;
    if (record.numberOfFrames === 1) {
      return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, 0, fragments.length);
    }
    if (hasOffsetTable) return dicomParser.readEncapsulatedImageFrame(dataSet, element, frameIndex);
    if (fragments.length === record.numberOfFrames) {
      return dicomParser.readEncapsulatedPixelDataFromFragments(dataSet, element, frameIndex, 1);
    }
    // No offset table and several fragments per frame: find frame starts from JPEG markers.
    const offsets = dicomParser.createJPEGBasicOffsetTable(dataSet, element);
    return dicomParser.readEncapsulatedImageFrame(dataSet, element, frameIndex, offsets);
  });
}

/** The bytes of the given 1-based frames, as stored (native slices, or each frame's compressed bitstream). */
export async function readFrames(record: InstanceRecord, frameNumbers: number[]): Promise<Uint8Array[]> {
  if (!record.pixelData) throw notFound(`Instance ${record.sopInstanceUID} has no pixel data`);
  const outOfRange = frameNumbers.find((frameNumber) => frameNumber > record.numberOfFrames);
  if (outOfRange !== undefined) {
    throw notFound(`Frame ${outOfRange} not found: instance ${record.sopInstanceUID} has ${record.numberOfFrames} frame(s)`);
  }
  return record.pixelData.encapsulated ? readEncapsulatedFrames(record, frameNumbers) : readNativeFrames(record, frameNumbers);
}
