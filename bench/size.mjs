// Sizes: min / gzip / brotli of the CDN entry, every chunk, and the page cost of each element alone, from the
// build's import graph (scripts/size-lib.mjs, the same code as `npm run size`). The render part adds what a
// browser really downloaded for each element's page (dynamic imports included).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');

export async function run() {
  const lib = join(root, 'scripts', 'size-lib.mjs');
  if (!existsSync(lib)) {
    return { figures: [{ section: 'sizes', name: '(all)', value: null, unit: 'KB', skipped: 'scripts/size-lib.mjs is missing' }] };
  }
  const { sizeReport } = await import(lib);
  let report;
  try {
    report = sizeReport();
  } catch (e) {
    return { figures: [{ section: 'sizes', name: '(all)', value: null, unit: 'KB', skipped: `${e.message}` }] };
  }
  const figures = [];
  const kb = (n) => n / 1000;
  for (const r of report.rows) {
    const name = r.kind === 'chunk' ? r.label.replace(/^chunks\//, '') : r.label;
    const note = `min ${kb(r.min).toFixed(1)} KB, gzip ${kb(r.gzip).toFixed(1)} KB, ${r.files.length} file(s)`;
    if (r.missing) {
      figures.push({ section: 'sizes', name: r.label, value: null, unit: 'KB', budget: kb(r.budget), skipped: 'element not built yet' });
      continue;
    }
    figures.push({
      section: { page: 'sizes: pages (static graph)', budget: 'sizes: budgets', floor: 'sizes: the stack alone (what no page can go below)' }[r.kind] ?? 'sizes: files',
      name: `${name} (brotli)`,
      value: kb(r.brotli), unit: 'KB',
      ...(r.budget !== null ? { budget: kb(r.budget), op: '<=' } : {}),
      note,
    });
  }
  return {
    figures,
    raw: report.rows.map(({ files, ...r }) => ({ ...r, files })),
  };
}
