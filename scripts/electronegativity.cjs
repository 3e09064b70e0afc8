#!/usr/bin/env node
/**
 * Security check of the Electron code in `npm test`: @doyensec/electronegativity over electron/,
 * for the Electron version installed. Prints every finding; fails on any HIGH or MEDIUM one,
 * except the checks listed in REVIEWED, each with the reason it does not apply, printed too.
 */
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const REVIEWED = {
  PRELOAD_JS_CHECK:
    'flags every preload script. Ours runs sandboxed (sandbox: true, contextIsolation: true) and exposes five functions through contextBridge: invoke on one channel whose sender frame main.ts checks (shell-only operations refused), onCommand (names from a fixed list only), onExchangeFile (a handle and a name, checked; never a path), chooseFile (the main process shows the dialog and answers with a handle), reportUiState (validated in main).',
};

const electronVersion = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const dir = mkdtempSync(path.join(os.tmpdir(), 'pt-electronegativity-'));
const csv = path.join(dir, 'findings.csv');
const bin = path.join(ROOT, 'node_modules', '.bin', 'electronegativity');
const run = spawnSync(bin, ['-i', path.join(ROOT, 'electron'), '-r', '-v', 'false', '-e', electronVersion, '-o', csv], { encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(run.stdout + run.stderr);
  console.error(`electronegativity failed (exit ${run.status})`);
  process.exit(1);
}
const rows = readFileSync(csv, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    return { check, severity, confidence, file, location };
  });
rmSync(dir, { recursive: true, force: true });

console.log(`electronegativity over electron/ (Electron ${electronVersion}): ${rows.length} finding(s)`);
for (const r of rows) {
  const note = REVIEWED[r.check] ? '  [reviewed]' : '';
  console.log(`  ${r.severity.padEnd(6)} ${r.confidence.padEnd(9)} ${r.check.padEnd(28)} ${r.file}:${r.location}${note}`);
}
for (const [check, reason] of Object.entries(REVIEWED)) console.log(`  reviewed ${check}: ${reason}`);
const failing = rows.filter((r) => (r.severity === 'HIGH' || r.severity === 'MEDIUM') && !REVIEWED[r.check]);
const count = (severity) => failing.filter((r) => r.severity === severity).length;
console.log(`high: ${count('HIGH')}, medium: ${count('MEDIUM')} (not counting reviewed checks)`);
process.exit(failing.length === 0 ? 0 : 1);
