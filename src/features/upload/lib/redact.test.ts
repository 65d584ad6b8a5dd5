import { describe, expect, it } from 'vitest';
import { REDACTED, createRedactor, redactSecrets } from './redact.ts';

describe('redactSecrets', () => {
  it('replaces every occurrence of every matching ID, whatever its case', () => {
    const text = 'Matching ID K2-4X9-ABC is already used (k2-4x9-abc); also Q1-ZZZ.';
    expect(redactSecrets(text, ['K2-4X9-ABC', 'Q1-ZZZ'])).toBe(`Matching ID ${REDACTED} is already used (${REDACTED}); also ${REDACTED}.`);
  });

  it('removes a longer secret whole when it contains a shorter one', () => {
    expect(redactSecrets('code ABCDEF-1 failed', ['ABC', 'ABCDEF-1'])).toBe(`code ${REDACTED} failed`);
  });

  it('treats regular-expression characters in a secret literally', () => {
    expect(redactSecrets('id a.b+c? and axbbc', ['a.b+c?'])).toBe(`id ${REDACTED} and axbbc`);
  });

  it('leaves text without secrets, and ignores empty secrets', () => {
    expect(redactSecrets('An ICCID is already in another pool.', ['', '  ', 'NOPE'])).toBe('An ICCID is already in another pool.');
    expect(createRedactor([])('plain')).toBe('plain');
  });
});
