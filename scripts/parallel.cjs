#!/usr/bin/env node
/**
 * Run npm scripts side by side, as many at once as the machine has cores, and fail if any fails:
 * `node scripts/parallel.cjs typecheck:node typecheck:web lint`. Each script's output is printed
 * whole when it ends, so the outputs do not interleave. `npm test` runs its checks this way
 * (measured on 2 cores: 82 s one after another).
 */
const { spawn } = require('node:child_process');
const os = require('node:os');

const scripts = process.argv.slice(2);
const slots = Math.max(2, os.availableParallelism());
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let next = 0;
let running = 0;
let failed = 0;

function start() {
  if (next >= scripts.length) {
    // exitCode, not exit(): the last output may still be on its way through a pipe.
    if (running === 0) process.exitCode = failed ? 1 : 0;
    return;
  }
  const name = scripts[next++];
  running++;
  const started = Date.now();
  const child = spawn(npm, ['run', '-s', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  child.on('error', (error) => {
    output += `${error.message}\n`;
  });
  child.on('close', (code) => {
    running--;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) failed++;
    process.stdout.write(`${code === 0 ? '✓' : '✗'} ${name} (${seconds} s)\n${output}`);
    start();
  });
}

for (let i = 0; i < Math.min(slots, scripts.length); i++) start();
