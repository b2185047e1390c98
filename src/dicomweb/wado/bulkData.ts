import { readFile } from 'node:fs/promises';
import dicomParser, { type DataSet, type Element } from 'dicom-parser';
import { badRequest, notFound } from '../http/HttpError';
import type { InstanceRecord } from '../store/InstanceRecord';

const TAG = /^[0-9A-Fa-f]{8}$/;
const ITEM_INDEX = /^\d+$/;

/**
 * Resolves a bulk data path as emitted in BulkDataURIs: "<tag>" or "<sequence tag>/<item index>/…/<tag>",
 * to the element's value bytes. Pixel data is served through frames instead.
 */
export async function readBulkData(record: InstanceRecord, tagPath: string): Promise<Uint8Array> {
  const steps = tagPath.split('/').filter((step) => step.length > 0);
  const shapeIsValid = steps.length % 2 === 1 && steps.every((step, index) => (index % 2 === 0 ? TAG.test(step) : ITEM_INDEX.test(step)));
  if (!shapeIsValid) throw badRequest(`Bulk data path "${tagPath}" is not of the form <tag>[/<item>/<tag>…]`);

  const bytes = new Uint8Array(await readFile(record.filePath));
  let dataSet: DataSet = dicomParser.parseDicom(bytes);
  let element: Element | undefined;
  for (let index = 0; index < steps.length; index += 2) {
    element = dataSet.elements[`x${steps[index]!.toLowerCase()}`];
    if (!element) throw notFound(`Instance ${record.sopInstanceUID} has no element ${steps.slice(0, index + 1).join('/')}`);
    const itemIndex = steps[index + 1];
    if (itemIndex !== undefined) {
      const item = element.items?.[Number(itemIndex)]?.dataSet;
      if (!item) throw notFound(`Instance ${record.sopInstanceUID} has no item ${steps.slice(0, index + 2).join('/')}`);
      dataSet = item;
    }
  }
  if (!element || element.hadUndefinedLength) throw notFound(`No bulk data at ${tagPath}`);
  return bytes.subarray(element.dataOffset, element.dataOffset + element.length);
}
