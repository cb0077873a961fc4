// Small statistics and formatting helpers for scripts/bench.mjs.

/** The q-quantile (0..1) of numbers, nearest-rank on the sorted values; NaN for none. */
export function quantile(values, q) {
  const v = values.filter(x => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil(q * v.length) - 1))];
}
export const median = v => quantile(v, 0.5);
export const p90 = v => quantile(v, 0.9);

/** `{median, p90}` of a list. */
export function summary(values) {
  return { median: median(values), p90: p90(values), n: values.filter(Number.isFinite).length };
}

/** Milliseconds with sensible precision. */
export function ms(x) {
  if (!Number.isFinite(x)) return '–';
  return x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0);
}
export function ratio(x) {
  return Number.isFinite(x) ? `${x.toFixed(2)}×` : '–';
}
export function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
export function mb(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1048576).toFixed(2)} MB` : '–';
}

/** A plain-text table (columns padded) for the terminal. */
export function textTable(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)));
  const line = r => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(header), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A markdown table. */
export function mdTable(header, rows) {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.join(' | ')} |`)].join('\n');
}
