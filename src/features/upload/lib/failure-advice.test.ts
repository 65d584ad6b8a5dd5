import { describe, expect, it } from 'vitest';
import { GraphError, type GraphErrorInit } from '../../../graph/errors.ts';
import { failureAdvice } from './failure-advice.ts';
import { NameConflictError, OutcomeUnknownError } from './runner-types.ts';

const graphError = (init: Partial<GraphErrorInit>) =>
  new GraphError({ status: 400, code: 'BadRequest', message: 'x', method: 'POST', path: '/deviceManagement/embeddedSIMActivationCodePools', ...init });

describe('failureAdvice', () => {
  it('a replace whose old pool is gone is finished first, whatever the error', () => {
    expect(failureAdvice({ error: graphError({ status: 400 }), createState: 'pending', oldPoolDeleted: true })).toBe('afterDelete');
  });

  it('a create that may have gone through is retried safely (looked up first)', () => {
    expect(failureAdvice({ error: graphError({ status: 503, ambiguous: true }), createState: 'pending', oldPoolDeleted: false })).toBe('maybeCreated');
    expect(failureAdvice({ error: new OutcomeUnknownError(new Error('x')), createState: 'pending', oldPoolDeleted: false })).toBe('maybeCreated');
    expect(failureAdvice({ error: graphError({ status: 400 }), createState: 'inFlight', oldPoolDeleted: false })).toBe('maybeCreated');
  });

  it('no answer, throttling and outages are temporary; a refusal needs a change first', () => {
    expect(failureAdvice({ error: graphError({ status: 0 }), createState: 'pending', oldPoolDeleted: false })).toBe('temporary');
    expect(failureAdvice({ error: graphError({ status: 429 }), createState: 'pending', oldPoolDeleted: false })).toBe('temporary');
    expect(failureAdvice({ error: graphError({ status: 400 }), createState: 'pending', oldPoolDeleted: false })).toBe('refused');
    expect(failureAdvice({ error: graphError({ status: 403 }), createState: 'pending', oldPoolDeleted: false })).toBe('forbidden');
  });

  it('a same-name pool this upload did not create is a conflict', () => {
    const e = new NameConflictError('alpha', { id: 'p1', displayName: 'alpha', activationCodeCount: 3, createdDateTime: '2026-01-01T00:00:00Z' }, 3);
    expect(failureAdvice({ error: e, createState: 'pending', oldPoolDeleted: false })).toBe('conflict');
  });
});
