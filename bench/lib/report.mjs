// Figures, budgets and the printed table.

/** Percentile (nearest rank) of numbers. */
export function percentile(values, p) {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i];
}
export const median = (v) => percentile(v, 50);

/**
 * One figure of the table.
 * @param {{ section: string, name: string, value: number | null, unit: string, budget?: number, op?: '<=' | '>=',
 *           note?: string, skipped?: string }} f
 */
export function figure(f) {
  const hasBudget = typeof f.budget === 'number';
  const op = f.op ?? '<=';
  let status = 'info';
  if (f.skipped) status = 'SKIPPED';
  else if (f.value === null || f.value === undefined || Number.isNaN(f.value)) status = 'n/a';
  else if (hasBudget) status = (op === '<=' ? f.value <= f.budget : f.value >= f.budget) ? 'ok' : 'OVER';
  return { ...f, op, status, over: status === 'OVER' };
}

function fmt(v, unit) {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (unit === 'KB') return `${v.toFixed(2)} KB`;
  if (unit === 'ms') return `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  if (unit === 'req/s') return `${Math.round(v).toLocaleString('en-US')} req/s`;
  if (unit === 'count') return `${Math.round(v).toLocaleString('en-US')}`;
  return `${v} ${unit}`;
}

/** Prints the figures as a table grouped by section. */
export function printTable(figures, out = console.log) {
  const rows = figures.map((f) => [
    f.section, f.name, f.skipped ? '—' : fmt(f.value, f.unit),
    typeof f.budget === 'number' ? `${f.op} ${fmt(f.budget, f.unit)}` : '',
    f.status === 'info' ? '' : f.status,
    f.skipped ? f.skipped : (f.note ?? ''),
  ]);
  const head = ['section', 'figure', 'value', 'budget', 'status', 'note'];
  const widths = head.map((h, i) => Math.min(i === 5 ? 80 : 60, Math.max(h.length, ...rows.map((r) => String(r[i]).length))));
  const line = (cells) => cells.map((c, i) => String(c).slice(0, widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  out(line(head));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  let last = '';
  for (const r of rows) {
    if (r[0] !== last && last) out('');
    last = r[0];
    out(line(r));
  }
  const over = figures.filter((f) => f.over);
  out('');
  out(over.length ? `OVER budget: ${over.length} figure(s): ${over.map((f) => `${f.section}/${f.name}`).join(', ')}` : 'All figures with a budget are within it.');
}
