// `pnpm start`: builds shared, the H5 storefront, the operator console and the server, then starts the API (which
// serves the H5 app at `/` and the console at `/console/`). Uses the embedded SQLite database under DATA_DIR (./data) unless DATABASE_URL is set; the demo brand
// is loaded on the first start. Needs no MySQL, Redis or WeChat account.
import { join } from 'node:path';
import { buildIfStale, CONSOLE_INPUTS, H5_INPUTS, log, ROOT, run } from './lib.mjs';

const started = Date.now();
await run('pnpm', ['--filter', '@tidepool/shared', 'build']);
await buildIfStale('H5 storefront', H5_INPUTS, join(ROOT, 'miniapp', 'dist', 'h5'), () =>
  run('pnpm', ['--filter', '@tidepool/miniapp', 'build:h5']),
);
await buildIfStale('operator console', CONSOLE_INPUTS, join(ROOT, 'server', 'console', 'dist'), () =>
  run('pnpm', ['--filter', '@tidepool/console', 'build']),
);
await run('pnpm', ['--filter', '@tidepool/server', 'build']);
log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s; starting the server…`);
await run('node', [join(ROOT, 'server', 'dist', 'main.js')], { env: { ...process.env } }).catch((error) => {
  log(error.message);
  process.exit(1);
});
