/**
 * For the emulator's HTTP tests: a request to a running emulator that
 * trusts its certificate and, on control API paths, sends this start's key.
 */
import { CONTROL_KEY_HEADER } from './constants.ts';
import { localRequest, type LocalRequestOptions, type LocalResponse } from './http.ts';
import type { RunningEmulator } from './server.ts';

export function clientOf(emu: () => RunningEmulator): (p: string, opts?: LocalRequestOptions) => Promise<LocalResponse> {
  return (p, opts = {}) => {
    const e = emu();
    const key: Record<string, string> = p === '/_emulator' || p.startsWith('/_emulator/') ? { [CONTROL_KEY_HEADER]: e.controlKey } : {};
    return localRequest(`${e.origin}${p}`, { ca: e.cert, ...opts, headers: { ...key, ...opts.headers } });
  };
}
