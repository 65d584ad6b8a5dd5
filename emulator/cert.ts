/**
 * The emulator's TLS certificate: self-signed for localhost, generated once
 * and cached in certDir (git-ignored `.emulator/`) so the browser's one-time
 * certificate exception stays valid across restarts. Regenerated when the
 * files are missing, unreadable, mismatched or expire within 7 days.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';

export const DEFAULT_CERT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.emulator');
export const KEY_FILE = 'localhost-key.pem';
export const CERT_FILE = 'localhost-cert.pem';

const MIN_REMAINING_MS = 7 * 24 * 3600 * 1000;
const VALIDITY_DAYS = 365;

export interface TlsMaterial {
  key: string;
  cert: string;
  /** Whether this call generated a new certificate (the browser will warn again). */
  generated: boolean;
  /** SHA-256 fingerprint, shown by the CLI so a person can compare it with the browser's. */
  fingerprint256: string;
}

/** Returns the cached certificate when still usable, else generates and caches a new one. */
export async function loadOrCreateCert(certDir = DEFAULT_CERT_DIR, now = new Date()): Promise<TlsMaterial> {
  const existing = await readUsable(certDir, now);
  if (existing) return existing;
  return createCert(certDir, now);
}

async function readUsable(certDir: string, now: Date): Promise<TlsMaterial | null> {
  try {
    const [key, cert] = await Promise.all([
      readFile(path.join(certDir, KEY_FILE), 'utf8'),
      readFile(path.join(certDir, CERT_FILE), 'utf8'),
    ]);
    const x509 = new X509Certificate(cert);
    if (Date.parse(x509.validTo) - now.getTime() < MIN_REMAINING_MS) return null;
    if (Date.parse(x509.validFrom) > now.getTime()) return null;
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    if (!x509.checkHost('localhost') || !x509.checkIP('127.0.0.1')) return null;
    return { key, cert, generated: false, fingerprint256: x509.fingerprint256 };
  } catch {
    return null;
  }
}

async function createCert(certDir: string, now: Date): Promise<TlsMaterial> {
  const notBeforeDate = new Date(now.getTime() - 60_000);
  const notAfterDate = new Date(now.getTime() + VALIDITY_DAYS * 24 * 3600 * 1000);
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  await mkdir(certDir, { recursive: true });
  // Write each file atomically so a concurrently starting emulator never reads half a file.
  await writeAtomic(path.join(certDir, KEY_FILE), pems.private, 0o600);
  await writeAtomic(path.join(certDir, CERT_FILE), pems.cert, 0o644);
  const x509 = new X509Certificate(pems.cert);
  return { key: pems.private, cert: pems.cert, generated: true, fingerprint256: x509.fingerprint256 };
}

async function writeAtomic(file: string, text: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, text, { mode });
  await rename(tmp, file);
}
