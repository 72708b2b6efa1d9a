// @custom-elements-manifest/analyzer configuration (`npm run analyze`, and scripts/build.mjs via scripts/manifest.mjs).
// Output: dist/custom-elements.json (package.json "customElements"). Storybook reads the same file.
//
// Our elements register through `EsX.define()` using `static tagName = 'es-x'` (no @customElement, no
// customElements.define call the analyzer could see), so the plugin below turns that static field into the
// element's tag name and a custom-element-definition export, and drops private/internal members.
export default {
  globs: ['src/base/es-element.ts', 'src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: [
    'src/**/*.styles.ts', 'src/**/locale-*.ts', 'src/**/define.ts', 'src/**/*.test.ts', 'src/**/*.d.ts',
  ],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  dev: false,
  plugins: [esTagNamePlugin(), esTidyPlugin()],
};

function esTagNamePlugin() {
  return {
    name: 'es-static-tagname',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class') continue;
          const field = (decl.members ?? []).find((m) => m.static && m.name === 'tagName' && m.kind === 'field');
          const tag = field?.default?.replace(/^['"`]|['"`]$/g, '');
          if (!tag || !/^es-[a-z0-9-]+$/.test(tag)) continue;
          decl.tagName = tag;
          decl.customElement = true;
          mod.exports ??= [];
          if (!mod.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
            mod.exports.push({ kind: 'custom-element-definition', name: tag, declaration: { name: decl.name, module: mod.path } });
          }
        }
      }
    },
  };
}

function esTidyPlugin() {
  const hidden = (m) => m.privacy === 'private' || m.privacy === 'protected' || m.name?.startsWith('_') || m.name?.startsWith('#');
  const internalStatics = new Set(['styles', 'tagName', 'define', 'properties', 'shadowRootOptions']);
  return {
    name: 'es-tidy',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          if (decl.kind !== 'class' || !decl.customElement) continue;
          // The abstract base (EsElement, tagName '') is not an element of its own.
          if (!decl.tagName) { delete decl.customElement; continue; }
          decl.members = (decl.members ?? []).filter((m) => !hidden(m) && !(m.static && internalStatics.has(m.name)));
        }
      }
    },
  };
}
