#!/usr/bin/env node
// The package's command: runs cli/main.ts through tsx (a dependency), so the CLI needs no build step.
// tsx's full loader (`import('tsx')`, what `tsx cli/main.ts` and `npm run cli` use), not only its
// require hook: the CLI loads some modules with import() (generate), which the require hook alone
// does not resolve ("Something unexpected went wrong").
import('tsx')
  .then(() => require('../cli/main.ts').main(process.argv.slice(2)))
  .then((code) => {
    if (code !== 0) process.exit(code);
  });
