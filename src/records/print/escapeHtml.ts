/**
 * Text placed in HTML, with the five characters that could end an element or an attribute replaced.
 * A helper of our own: no escaping library is among the project's declared dependencies (one only
 * arrives as a dependency of a dependency), and every value on the score sheet is someone's typing.
 */
export const escapeHtml = (text: string | number): string =>
  String(text).replace(/[&<>"']/g, character => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
