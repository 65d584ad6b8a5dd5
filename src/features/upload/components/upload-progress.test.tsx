import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/errors.ts';
import type { RunInfo } from '../lib/batch-state.ts';
import { createRedactor } from '../lib/redact.ts';
import type { JobStatus } from '../lib/upload-runner.ts';
import { UploadProgress } from './upload-progress.tsx';

const RUN: RunInfo = { keys: ['a', 'b'], names: { a: 'alpha', b: 'beta' }, fileNames: { a: ['a.csv'], b: ['b.csv'] }, state: 'finished', cancelled: false };

function show(statuses: Record<string, JobStatus>, run: RunInfo = RUN) {
  const redact = createRedactor(['K7Q2-SECRET-0001', 'ZX-SECRET-2']);
  const router = createMemoryRouter([{ path: '/', element: <UploadProgress run={run} statuses={statuses} onCancel={() => {}} onResume={() => {}} redact={redact} /> }]);
  render(
    <FluentProvider theme={webLightTheme}>
      <RouterProvider router={router} />
    </FluentProvider>,
  );
}

describe('UploadProgress', () => {
  it('removes every matching ID of the batch from service error text before showing it', () => {
    const error = new GraphError({
      status: 400,
      code: 'BadRequest',
      message: 'Matching identifier k7q2-secret-0001 is invalid; ZX-SECRET-2 too.',
      method: 'POST',
      path: '/pools',
    });
    show({
      a: { phase: 'failed', createState: 'pending', oldPoolDeleted: true, error },
      b: { phase: 'created', createState: 'created', oldPoolDeleted: true, poolId: 'p-b', outcome: 'created', carry: { applied: true, assignments: [{ target: { '@odata.type': '#microsoft.graph.allDevicesAssignmentTarget' } }] } },
    });
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(/SECRET/i);
    expect(text).toContain('Matching identifier ••• is invalid; ••• too.');
    expect(text).toContain('The old pool is deleted and the new one is not created yet');
    expect(screen.getByTestId('carried-assignments').textContent).toBe('Assigned like the old pool (1 assignment).');
  });

  it('says a paused batch is paused, why, and offers Resume', () => {
    show({ a: { phase: 'paused', createState: 'pending', oldPoolDeleted: false, detail: 'Paused: Microsoft Graph asked to wait 1440 min' } }, { ...RUN, keys: ['a'], paused: { retryAfterMs: 86_400_000, until: 0 } });
    expect(screen.getByTestId('upload-paused').textContent).toContain('asked to wait 1,440 min');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
  });
});
