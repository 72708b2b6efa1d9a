#!/usr/bin/env node
// `npm run size`: min / gzip / brotli of the CDN entry, every chunk, the total, and the cost of a page that uses
// one element (entry + that element's static import graph + es-provider's), each budget beside its figure
// (OVER when exceeded). Reads dist/cdn/meta.json (run `npm run build` first). `--json` prints the rows as JSON.
// Exit code 0 even when over budget (the bench reports, it does not fail the build); 1 when dist is missing.
import { formatReport, sizeReport } from './size-lib.mjs';

let report;
try {
  report = sizeReport();
} catch (e) {
  console.error(`size: ${e.message}`);
  process.exit(1);
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report.rows.map(({ files, ...r }) => ({ ...r, files: files.length })), null, 2));
} else {
  console.log(formatReport(report.rows));
  const over = report.rows.filter((r) => r.over);
  console.log(over.length ? `\n${over.length} figure(s) OVER budget: ${over.map((r) => r.label).join('; ')}` : '\nAll budgets met.');
}
