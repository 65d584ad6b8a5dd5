/**
 * The browser benchmark needs the fixed ports of the e2e setup (emulator on
 * 8443 — the built console's config.json points there — and `vite preview` on
 * 4173), and the build rewrites dist/, which `vite preview` of an e2e run
 * serves. In a shared checkout e2e runs hold `flock /tmp/e2e.lock`; the bench
 * takes the same lock for its build and browser part so it never collides
 * with one. Without the `flock` tool (macOS, Windows) it runs unlocked.
 */
import { spawn } from 'node:child_process';

export interface Lock {
  /** False when no lock was taken (no flock tool, or disabled). */
  held: boolean;
  release(): Promise<void>;
}

export const DEFAULT_LOCK_FILE = process.env.E2E_LOCK ?? '/tmp/e2e.lock';

export function acquireLock(file: string, onWait: (message: string) => void): Promise<Lock> {
  return new Promise((resolve) => {
    // The child holds the lock while `cat` waits on its stdin; closing stdin (or this process dying) releases it.
    const child = spawn('flock', [file, 'sh', '-c', 'echo locked; exec cat >/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let settled = false;
    const waitNotice = setTimeout(() => onWait(`waiting for ${file} (an e2e run is using ports 8443/4173 and dist/)…`), 1_000);
    const done = (lock: Lock) => {
      if (settled) return;
      settled = true;
      clearTimeout(waitNotice);
      resolve(lock);
    };
    child.on('error', () => {
      onWait(`note: could not run flock; running without ${file}`);
      done({ held: false, release: async () => {} });
    });
    child.on('exit', () => done({ held: false, release: async () => {} }));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('locked')) return;
      done({
        held: true,
        release: () =>
          new Promise<void>((r) => {
            if (child.exitCode !== null) {
              r();
              return;
            }
            child.once('exit', () => r());
            child.stdin.end();
          }),
      });
    });
  });
}
