#!/usr/bin/env node
// Runs the Playwright e2e suite after checking the system prerequisites:
// a Chromium binary (browsers are not downloaded) and the mosquitto broker.
// Usage: node e2e/run.mjs [playwright test args...]
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findMosquitto() {
  if (process.env.MOSQUITTO_PATH) return isExecutable(process.env.MOSQUITTO_PATH) ? process.env.MOSQUITTO_PATH : null;
  for (const candidate of ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/local/bin/mosquitto']) {
    if (isExecutable(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v mosquitto'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return which.status === 0 && found ? found : null;
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const problems = [];
if (!isExecutable(chromium)) {
  problems.push(`Chromium not found at ${chromium} (set CHROMIUM_PATH to use another binary).`);
}
if (!findMosquitto()) {
  problems.push('mosquitto not found (looked in /usr/sbin, /usr/bin, /usr/local and PATH; MOSQUITTO_PATH overrides).');
}
if (problems.length) {
  for (const p of problems) console.error(`e2e: ${p}`);
  console.error('e2e: install the prerequisites with:  apt-get install -y mosquitto chromium');
  process.exit(1);
}

const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (err) => {
  console.error(`e2e: could not run playwright: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
