// Regenerates the Custom Elements Manifest into a temp dir and fails when the committed one differs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const committedPath = join(root, 'custom-elements.json');
const tmp = mkdtempSync(join(tmpdir(), 'cem-check-'));

try {
  // The analyzer joins outdir onto cwd, so it has to be relative.
  const cem = join(root, 'node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js');
  const run = spawnSync(
    process.execPath,
    [cem, 'analyze', '--quiet', '--outdir', relative(root, tmp)],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    console.error('check-manifest: the analyzer failed');
    process.exitCode = 1;
  } else {
    const fresh = readFileSync(join(tmp, 'custom-elements.json'), 'utf8');
    const committed = existsSync(committedPath) ? readFileSync(committedPath, 'utf8') : '';
    if (fresh !== committed) {
      console.error('custom-elements.json is stale: run npm run analyze');
      process.exitCode = 1;
    } else {
      console.log('custom-elements.json is up to date');
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
