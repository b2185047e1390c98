import { parseMediaType } from '../http/acceptHeader';
import { badRequest, HttpError } from '../http/HttpError';
import { parseMultipart } from '../http/multipart';

export interface StowPart {
  body: Uint8Array;
  /** Set when the part is not offered as application/dicom. */
  rejection: string | undefined;
}

/** The instances in a STOW-RS request body: a multipart/related of application/dicom parts, or one application/dicom body. */
export function readStowParts(contentTypeHeader: string | undefined, body: Buffer): StowPart[] {
  const contentType = parseMediaType(contentTypeHeader ?? '');
  if (contentType.type === 'application/dicom') return [{ body, rejection: undefined }];
  if (contentType.type !== 'multipart/related') {
    throw new HttpError(415, `Content-Type ${contentType.type || '(none)'} is not supported; send multipart/related; type="application/dicom"`);
  }
  const boundary = contentType.parameters.boundary;
  if (!boundary) throw badRequest('The multipart/related Content-Type has no boundary parameter');
  const declaredType = contentType.parameters.type?.toLowerCase();
  if (declaredType && declaredType !== 'application/dicom') {
    throw badRequest(`multipart/related of ${declaredType} is not supported; only application/dicom parts can be stored`);
  }
  const parts = parseMultipart(body, boundary);
  if (parts.length === 0) throw badRequest('The multipart/related body has no parts');
  return parts.map((part) => {
    const partType = parseMediaType(part.contentType || 'application/dicom').type;
    return {
      body: part.body,
      rejection: partType === 'application/dicom' ? undefined : `part of type ${partType} is not application/dicom`,
    };
  });
}
