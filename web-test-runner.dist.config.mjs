// The browser suite against the built library (`npm run test:dist`): every /src/<path> module a
// test, story or host page imports is served from dist/<path>.js, so the suite exercises what is
// published (minified templates, Oxc-compiled decorators, production define). Modules the build
// does not emit (types only) come from the sources.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import base from './web-test-runner.config.mjs';

const dist = fileURLToPath(new URL('./dist/', import.meta.url));

const servedFromDist = {
  name: 'served-from-dist',
  serve(context) {
    const match = /^\/src\/(.+)\.[jt]s$/.exec(context.path);
    const file = match && `${dist}${match[1]}.js`;
    if (!file || !existsSync(file)) return undefined;
    return { body: readFileSync(file, 'utf8'), type: 'js' };
  },
};

export default { ...base, plugins: [servedFromDist, ...base.plugins] };
