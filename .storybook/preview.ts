import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// @ts-expect-error -- virtual module served by .storybook/main.ts (dist/custom-elements.json)
import manifest from 'virtual:es-custom-elements';
import { withFakeProvider } from '../stories/support/fake-provider.js';
import { applyLocale } from './locale.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  decorators: [
    withFakeProvider,
    (story, context) => {
      // Page-level direction/language too, so dialogs and the docs page follow the toolbar.
      const g = context.globals as { dir?: string; locale?: string };
      document.documentElement.dir = g.dir ?? 'ltr';
      document.documentElement.lang = g.locale ?? 'en';
      return story();
    },
  ],
  loaders: [async (context) => { await applyLocale((context.globals as { locale?: string }).locale ?? 'en'); return {}; }],
  globalTypes: {
    locale: {
      description: 'Language of the widgets',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'fi', title: 'Suomi' }], dynamicTitle: true },
    },
    theme: {
      description: 'Light or dark theme (data-es-theme)',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
    dir: {
      description: 'Text direction',
      toolbar: { title: 'Direction', icon: 'transfer', items: [{ value: 'ltr', title: 'Left to right' }, { value: 'rtl', title: 'Right to left' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', dir: 'ltr' },
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i, date: /Date$/i } },
    a11y: { test: 'error' },
    docs: { toc: true },
    options: { storySort: { order: ['Introduction', 'Elements', '*'] } },
  },
  tags: ['autodocs'],
};
export default preview;
