import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERT_FILE, KEY_FILE, loadOrCreateCert } from './cert.ts';

describe('loadOrCreateCert', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'emu-cert-')), 'nested');
  });
  afterAll(async () => {
    await rm(path.dirname(dir), { recursive: true, force: true });
  });

  it('generates a localhost certificate with the needed SANs and a private key file', async () => {
    const first = await loadOrCreateCert(dir);
    expect(first.generated).toBe(true);
    const x509 = new X509Certificate(first.cert);
    expect(x509.subject).toContain('CN=localhost');
    expect(x509.subjectAltName).toContain('DNS:localhost');
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(x509.subjectAltName).toMatch(/IP Address:(0:0:0:0:0:0:0:1|::1)/);
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(Date.parse(x509.validTo) - Date.now()).toBeGreaterThan(300 * 24 * 3600 * 1000);
    if (process.platform !== 'win32') expect((await stat(path.join(dir, KEY_FILE))).mode & 0o077).toBe(0);
  });

  it('reuses the cached certificate so the browser exception stays valid', async () => {
    const a = await loadOrCreateCert(dir);
    const b = await loadOrCreateCert(dir);
    expect(a.generated).toBe(false);
    expect(b.fingerprint256).toBe(a.fingerprint256);
  });

  it('regenerates when the certificate expires within 7 days', async () => {
    const current = await loadOrCreateCert(dir);
    const validTo = Date.parse(new X509Certificate(current.cert).validTo);
    const soon = new Date(validTo - 6 * 24 * 3600 * 1000);
    const renewed = await loadOrCreateCert(dir, soon);
    expect(renewed.generated).toBe(true);
    expect(renewed.fingerprint256).not.toBe(current.fingerprint256);
    expect(Date.parse(new X509Certificate(renewed.cert).validTo)).toBeGreaterThan(validTo);
  });

  it('regenerates when the files are unreadable or do not match', async () => {
    await writeFile(path.join(dir, CERT_FILE), 'not a certificate');
    const fresh = await loadOrCreateCert(dir);
    expect(fresh.generated).toBe(true);
    const other = await loadOrCreateCert(path.join(dir, 'other'));
    await writeFile(path.join(dir, KEY_FILE), other.key);
    expect((await loadOrCreateCert(dir)).generated).toBe(true);
    expect((await loadOrCreateCert(dir)).generated).toBe(false);
  });
});
