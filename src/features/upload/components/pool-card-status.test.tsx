import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import { renderWithApp } from '../../../testing/render-with-app.tsx';
import type { JobStatus } from '../lib/runner-types.ts';
import { cardBadge } from './pool-card.tsx';
import { PoolFailedNote } from './pool-card-notes.tsx';

const job = (patch: Partial<JobStatus>): JobStatus => ({ phase: 'queued', createState: 'pending', oldPoolDeleted: false, ...patch });
const refused = new GraphError({ status: 400, code: 'BadRequest', message: 'The request is invalid.', method: 'POST', path: '/deviceManagement/embeddedSIMActivationCodePools', requestId: 'r-1' });

describe('a pool card after an upload', () => {
  it('never says "Ready to upload" for a pool the last upload failed or cancelled', () => {
    expect(cardBadge('ready', job({ phase: 'failed', error: refused }))).toEqual({ label: 'Not created: upload failed', color: 'danger' });
    expect(cardBadge('ready', job({ phase: 'cancelled' })).label).toBe('Not created: cancelled');
    expect(cardBadge('ready', job({ phase: 'paused' })).label).toBe('Paused');
    expect(cardBadge('ready', job({ phase: 'creating' })).label).toBe('Uploading…');
    expect(cardBadge('ready', undefined).label).toBe('Ready to upload');
  });

  it('something still to fix in the files wins over the last upload', () => {
    expect(cardBadge('errors', job({ phase: 'failed', error: refused })).label).toBe('Has errors');
    expect(cardBadge('created', job({ phase: 'created' })).label).toBe('Created');
  });

  it('the failed note says what failed and what to do, without the service text', () => {
    renderWithApp(<PoolFailedNote job={job({ phase: 'failed', error: refused })} />);
    const note = screen.getByTestId('pool-failed');
    expect(note.textContent).toContain('Not created: Microsoft Graph refused the request');
    expect(note.textContent).toContain('retrying it unchanged fails again');
    expect(note.textContent).toContain('The reason and its request ID are under Upload below.');
    expect(note.textContent).not.toContain('The request is invalid.');
  });

  it('a create that may have gone through is retried without a duplicate', () => {
    const lost = new GraphError({ status: 0, code: 'NetworkError', message: 'x', method: 'POST', path: '/x', ambiguous: true });
    renderWithApp(<PoolFailedNote job={job({ phase: 'failed', error: lost })} />);
    expect(screen.getByTestId('pool-failed').textContent).toContain('so it is never created twice');
  });
});
