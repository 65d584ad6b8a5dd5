/**
 * Service error text is shown to the admin, but a service may repeat what it
 * was sent: every matching ID of the batch is removed from such text before
 * it is shown (replaced with "•••"), whatever its case.
 */
export const REDACTED = '•••';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A redactor for these secrets; longest first, so a secret that contains another is removed whole. */
export function createRedactor(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set([...secrets].map((x) => x.trim()).filter((x) => x.length > 0))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (text) => text;
  const pattern = new RegExp(list.map(escape).join('|'), 'giu');
  return (text) => text.replace(pattern, REDACTED);
}

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  return createRedactor(secrets)(text);
}
