import type { MediaRange } from './acceptHeader';
import { notAcceptable } from './HttpError';

export interface Representation {
  /** The media type of each part (or of the whole body when single-part). */
  mediaType: string;
  /** Transfer syntax named in the part's Content-Type, if any. */
  transferSyntax: string | undefined;
  multipart: boolean;
}

export interface Offer {
  mediaType: string;
  /** Transfer syntaxes the bytes can honestly be labelled with; the first is the one named. */
  transferSyntaxes: string[];
  /** Media types other than `mediaType` the client may ask for and still get these bytes. */
  alsoAcceptable: string[];
  singlePartAllowed: boolean;
  /** When the request does not say, whether to answer multipart. */
  multipartByDefault: boolean;
}

function typeMatches(requested: string, offer: Offer): boolean {
  if (requested === '*/*' || requested === offer.mediaType || offer.alsoAcceptable.includes(requested)) return true;
  return requested.endsWith('/*') && offer.mediaType.startsWith(requested.slice(0, -1));
}

function transferSyntaxMatches(requested: string | undefined, offer: Offer): boolean {
  return requested === undefined || requested === '*' || offer.transferSyntaxes.includes(requested);
}

/**
 * Picks how to send a resource from the Accept header's media ranges, in the client's order.
 * Returns undefined only when nothing acceptable is on offer; callers then answer 406.
 */
function choose(accept: MediaRange[], offer: Offer): Representation | undefined {
  const named = offer.transferSyntaxes[0];
  for (const range of accept) {
    if (range.type === '*/*') return { mediaType: offer.mediaType, transferSyntax: named, multipart: offer.multipartByDefault || !offer.singlePartAllowed };
    if (range.type === 'multipart/related' || range.type === 'multipart/*') {
      const partType = range.parameters.type?.toLowerCase() ?? offer.mediaType;
      if (typeMatches(partType, offer) && transferSyntaxMatches(range.parameters['transfer-syntax'], offer)) {
        return { mediaType: offer.mediaType, transferSyntax: named, multipart: true };
      }
      continue;
    }
    if (offer.singlePartAllowed && typeMatches(range.type, offer) && transferSyntaxMatches(range.parameters['transfer-syntax'], offer)) {
      return { mediaType: offer.mediaType, transferSyntax: named, multipart: false };
    }
  }
  return undefined;
}

export function negotiate(accept: MediaRange[], offer: Offer, what: string): Representation {
  const chosen = choose(accept, offer);
  if (chosen) return chosen;
  const stored = offer.transferSyntaxes[0] ? ` in transfer syntax ${offer.transferSyntaxes[0]}` : '';
  throw notAcceptable(`${what} is available only as ${offer.mediaType}${stored}; the Accept header asks for something else and transcoding is not supported`);
}

export function partContentType(representation: Representation): string {
  return representation.transferSyntax ? `${representation.mediaType}; transfer-syntax=${representation.transferSyntax}` : representation.mediaType;
}

export function multipartContentType(representation: Representation, boundary: string): string {
  return `multipart/related; type="${representation.mediaType}"; boundary=${boundary}`;
}
