import { describe, expect, it } from 'vitest';
import { GraphError, isGraphError, missingPermissionFrom } from './errors.ts';
import { graphError, json, rejectionOf, setup, text } from './test-support.ts';

async function failureOf(responder: Parameters<typeof setup>[0][number], method: 'GET' | 'POST' = 'GET'): Promise<GraphError> {
  const { client } = setup([responder], { maxRetries: 0 });
  const err = await rejectionOf(method === 'GET' ? client.get('/deviceManagement/x', { query: { filter: "displayName eq 'secret'" } }) : client.post('/deviceManagement/x', {}));
  if (!isGraphError(err)) throw new Error(`expected a GraphError, got ${String(err)}`);
  return err;
}

describe('error parsing', () => {
  it('reads a Graph error body: code, message, innerError; request-id from the header first', async () => {
    const err = await failureOf(
      graphError(404, 'ResourceNotFound', 'Pool not found', { 'request-id': 'hdr-id', Date: 'Tue, 02 Jan 2024 10:00:00 GMT' }, {
        date: '2024-01-02T10:00:00',
        'request-id': 'inner-id',
        'client-request-id': 'crid-1',
      }),
    );
    expect(err).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
      message: 'Pool not found',
      requestId: 'hdr-id',
      clientRequestId: 'crid-1',
      date: '2024-01-02T10:00:00',
      method: 'GET',
      path: '/deviceManagement/x',
      ambiguous: false,
    });
    expect(err.innerError?.['request-id']).toBe('inner-id');
  });

  it('falls back to innerError["request-id"] and the Date header', async () => {
    const err = await failureOf(
      json(400, { error: { code: 'BadRequest', message: 'bad', innererror: { 'request-id': 'inner-id' } } }, { Date: 'Tue, 02 Jan 2024 10:00:00 GMT' }),
    );
    expect(err.requestId).toBe('inner-id');
    expect(err.date).toBe('Tue, 02 Jan 2024 10:00:00 GMT');
  });

  it('turns an HTML body into HttpError<status>, keeping status and request-id', async () => {
    const err = await failureOf(text(502, '<html><body>Bad gateway</body></html>', { 'Content-Type': 'text/html', 'request-id': 'r-502' }), 'POST');
    expect(err).toMatchObject({ status: 502, code: 'HttpError502', requestId: 'r-502', ambiguous: true });
    expect(err.message).toContain('502');
    expect(err.message).not.toContain('<html>');
  });

  it('copes with an empty body and with JSON that is not a Graph error', async () => {
    await expect(failureOf(text(500, ''))).resolves.toMatchObject({ status: 500, code: 'HttpError500' });
    await expect(failureOf(json(400, { error: 'invalid_request' }))).resolves.toMatchObject({ code: 'HttpError400' });
    await expect(failureOf(json(400, { error: { code: '', message: 'x' } }))).resolves.toMatchObject({ code: 'HttpError400' });
    await expect(failureOf(json(400, [1, 2]))).resolves.toMatchObject({ code: 'HttpError400' });
  });

  it('uses the code as message when the message is missing', async () => {
    await expect(failureOf(json(409, { error: { code: 'Conflict' } }))).resolves.toMatchObject({ code: 'Conflict', message: 'Conflict' });
  });

  it("shows the Message of Intune's JSON-in-message errors", async () => {
    const intune = JSON.stringify({ _version: 3, Message: 'An internal server error has occurred - Operation ID (for customer support): 0000 - Activity ID: 1111', CustomApiErrorPhrase: '' });
    const err = await failureOf(graphError(400, 'BadRequest', intune));
    expect(err.message).toBe('An internal server error has occurred - Operation ID (for customer support): 0000 - Activity ID: 1111');
  });

  it('keeps query values out of path, message and supportDetails', async () => {
    const err = await failureOf(graphError(400, 'BadRequest', 'Invalid filter clause', { 'request-id': 'r1' }));
    expect(err.path).toBe('/deviceManagement/x');
    const details = err.supportDetails();
    expect(details).toContain('GET /deviceManagement/x');
    expect(details).toContain('request-id: r1');
    expect(details).toContain('client-request-id: crid-1');
    expect(`${details} ${err.message}`).not.toMatch(/secret|token-/);
  });
});

describe('missingPermissionFrom', () => {
  const forbidden = (message: string, status = 403) => new GraphError({ status, code: 'Forbidden', message, method: 'GET', path: '/x' });

  it('reads the scopes a Graph 403 names', () => {
    expect(
      missingPermissionFrom(
        forbidden('Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementConfiguration.ReadWrite.All'),
      ),
    ).toEqual(['DeviceManagementConfiguration.ReadWrite.All']);
  });

  it("reads several, and stops at Intune's operation-id suffix", () => {
    expect(
      missingPermissionFrom(
        forbidden(
          'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementConfiguration.Read.All, DeviceManagementConfiguration.ReadWrite.All - Operation ID (for customer support): 00000000-0000 - Activity ID: 1 - Url: https://fef.example/x',
        ),
      ),
    ).toEqual(['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All']);
  });

  it('returns [] for other errors', () => {
    expect(missingPermissionFrom(forbidden('Insufficient privileges to complete the operation.'))).toEqual([]);
    expect(missingPermissionFrom(forbidden('Application must have one of the following scopes: A.B', 400))).toEqual([]);
    expect(missingPermissionFrom(new Error('Application must have one of the following scopes: A.B'))).toEqual([]);
    expect(missingPermissionFrom(undefined)).toEqual([]);
  });
});
