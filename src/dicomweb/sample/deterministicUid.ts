import { createHash } from 'node:crypto';

/**
 * A UID under the 2.25 root derived from a stable name, so regenerated sample files keep their
 * identity. 128 bits of SHA-256 keep it within the 64-character UID limit.
 */
export function uidFromName(name: string): string {
  const digest = createHash('sha256').update(`ohif-teaching/${name}`).digest('hex');
  return `2.25.${BigInt(`0x${digest.slice(0, 32)}`).toString(10)}`;
}
