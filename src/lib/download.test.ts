import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText } from './download.ts';

afterEach(() => vi.restoreAllMocks());

describe('downloadText', () => {
  it('clicks a link to a Blob object URL with the file name, then removes it and revokes the URL', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return 'blob:https://console.test/1';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    downloadText('esim-pools-2026-12-06.csv', '\uFEFFa,b\r\n1,2', 'text/csv;charset=utf-8');
    const clicked = click.mock.contexts[0] as HTMLAnchorElement | undefined;
    expect(clicked?.download).toBe('esim-pools-2026-12-06.csv');
    expect(clicked?.href).toBe('blob:https://console.test/1');
    expect(clicked?.isConnected).toBe(false);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:https://console.test/1'));
  });
});
