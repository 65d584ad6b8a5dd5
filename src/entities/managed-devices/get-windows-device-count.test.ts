import { describe, expect, it } from 'vitest';
import { json } from '../../graph/test-support.ts';
import { scriptGraph } from '../../testing/scripted-graph.ts';
import { getWindowsDeviceCount } from './get-windows-device-count.ts';

describe('Windows device count', () => {
  it('asks managedDevices for one Windows device with $count=true and returns @odata.count', async () => {
    const calls = scriptGraph(json(200, { '@odata.count': 3092, value: [{ id: 'd1' }] }));
    await expect(getWindowsDeviceCount()).resolves.toBe(3092);
    const url = new URL(calls[0]?.url ?? '');
    expect(url.pathname).toBe('/beta/deviceManagement/managedDevices');
    expect(url.searchParams.get('$filter')).toBe("operatingSystem eq 'Windows'");
    expect(url.searchParams.get('$top')).toBe('1');
    expect(url.searchParams.get('$count')).toBe('true');
  });

  it('says so when Graph gives no count', async () => {
    scriptGraph(json(200, { value: [] }));
    await expect(getWindowsDeviceCount()).rejects.toThrow(/no @odata.count/);
  });
});
