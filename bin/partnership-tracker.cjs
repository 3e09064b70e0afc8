#!/usr/bin/env node
// The package's command: runs cli/main.ts through tsx (a dependency), so the CLI needs no build step.
require('tsx/cjs');
const { main } = require('../cli/main.ts');
main(process.argv.slice(2)).then((code) => {
  if (code !== 0) process.exit(code);
});
