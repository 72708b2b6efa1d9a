import type { StorybookConfig } from '@storybook/web-components-vite';
import { readFileSync } from 'node:fs';
// Node-side helper (plain ESM): regenerates dist/custom-elements.json when missing or older than src/.
// @ts-expect-error -- untyped .mjs helper
import { ensureManifest, manifestPath } from '../scripts/manifest.mjs';

process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const VIRTUAL = 'virtual:es-custom-elements';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  async viteFinal(viteConfig) {
    // The manifest (custom-elements.json) is generated here so `storybook dev` / `build` never need `npm run build`
    // first; preview.ts imports it through a virtual module.
    ensureManifest();
    viteConfig.plugins ??= [];
    viteConfig.plugins.push({
      name: 'es-custom-elements-manifest',
      resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : null),
      load: (id: string) => (id === `\0${VIRTUAL}` ? `export default ${readFileSync(manifestPath, 'utf8')};` : null),
    });
    viteConfig.build ??= {};
    viteConfig.build.chunkSizeWarningLimit = 2000;
    return viteConfig;
  },
};
export default config;
