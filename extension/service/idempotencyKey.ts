/** 128 random bits as hex; `crypto.randomUUID` is missing on plain-http intranet hosts (not a secure context). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), byte => byte.toString(16).padStart(2, '0')).join('');
}
