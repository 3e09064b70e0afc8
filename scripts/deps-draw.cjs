/**
 * The project's import graph as a drawing: out/dependencies.dot (folders collapsed, as .dependency-cruiser.cjs
 * says), and out/dependencies.svg where Graphviz's `dot` is installed. Rule violations are drawn in red.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out');
mkdirSync(out, { recursive: true });
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'depcruise.cmd' : 'depcruise');
// What runs: type-only imports (which the fences allow) are left out of the drawing, the renderer is one box.
const config = path.join(out, 'dependency-cruiser.draw.cjs');
writeFileSync(
  config,
  `module.exports = { extends: ${JSON.stringify(path.join(root, '.dependency-cruiser.cjs'))}, options: { tsPreCompilationDeps: false, includeOnly: '^(db|common|cli|electron|renderer)/', reporterOptions: { dot: { collapsePattern: ['^db/(api|core|core-host|errors)\\\\.ts', '^(db|common|cli|electron|renderer)/'] } } } };\n`,
);
const dot = execFileSync(bin, ['db', 'common', 'cli', 'electron', 'renderer/src', '--config', config, '--output-type', 'dot'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
writeFileSync(path.join(out, 'dependencies.dot'), dot);
const svg = spawnSync('dot', ['-Tsvg', '-o', path.join(out, 'dependencies.svg')], { input: dot });
console.log(svg.status === 0 ? 'out/dependencies.svg and out/dependencies.dot written' : 'out/dependencies.dot written (install Graphviz for the SVG)');
