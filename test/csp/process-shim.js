// What the test runner's own page sets inline (and a bundler replaces at build time): the
// unbundled @tanstack/query-core reads process.env.NODE_ENV. An external same-origin script, so
// the strict policy allows it.
globalThis.process = { env: { NODE_ENV: 'development' } };
