// Makes sure a Chromium for Playwright exists: Debian's package, installed
// with apt when missing and possible (Playwright's own download cannot reach
// its CDN here). Prints what it did; exits non-zero only if none is usable.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!hasApt) {
  console.error(`No Chromium at ${path} and no apt-get to install it. Install Chromium and set CHROMIUM_PATH.`);
  process.exit(1);
}
const sudo = isRoot ? '' : 'sudo -n ';
console.log(`Chromium not found at ${path}; installing Debian's chromium package…`);
try {
  execSync(`${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`, {
    stdio: 'inherit',
  });
} catch {
  console.error('Installing chromium failed. Run: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
  process.exit(1);
}
if (!existsSync(path)) {
  console.error(`chromium installed but ${path} is missing; set CHROMIUM_PATH.`);
  process.exit(1);
}
