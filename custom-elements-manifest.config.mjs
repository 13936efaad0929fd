// Custom Elements Manifest: `npm run analyze` writes custom-elements.json at the project root.
// Storybook reads it for autodocs and controls, so only the public API goes in.

/**
 * Drops members a host cannot use (private/protected, `_x`/`#x`, `static styles`) and sorts
 * modules by path: the analyzer's file walk is not ordered, and check:manifest compares text.
 */
function publicApiOnly() {
  const isHidden = (member) =>
    member.privacy === 'private' ||
    member.privacy === 'protected' ||
    member.name?.startsWith('_') ||
    member.name?.startsWith('#') ||
    (member.static && member.name === 'styles');

  return {
    name: 'hr-public-api-only',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => !isHidden(member));
          }
          // The analyzer adds a nameless entry for `dispatchEvent(new SomeEvent())`; the documented
          // @event tags already name every event.
          if (declaration.events) {
            declaration.events = declaration.events.filter((event) => event.name);
          }
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter(
              (attribute) => !attribute.fieldName || !/^[_#]/.test(attribute.fieldName),
            );
          }
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.spec.ts',
    'src/**/*.stories.ts',
    'src/localize/*/**',
    // Prose for docs/contract.md and contract/openapi.json (npm run contract), not an API.
    'src/contract/endpoint-docs.ts',
    'src/types/**',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicApiOnly()],
};
