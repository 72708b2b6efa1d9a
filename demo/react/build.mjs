// Bundles the React demo (demo/react/main.jsx + React + the wrappers + the elements) into dist/demo/react.js.
// esbuild resolves the TypeScript sources directly, the way a React app's bundler consumes the npm package.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
await build({
  entryPoints: [`${root}demo/react/main.jsx`],
  outfile: `${root}dist/demo/react.js`,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  conditions: ['production'],
  tsconfig: `${root}tsconfig.json`,
  logLevel: 'warning',
});
console.log('react demo: dist/demo/react.js');
