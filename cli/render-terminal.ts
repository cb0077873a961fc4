/**
 * The annotator's terminal view: a header, the article text wrapped to the terminal width with
 * actor mentions coloured by actor type and claim sentences underlined and tagged by kind, then
 * a summary of actors, claims and cross-references. ANSI colours only when asked to.
 */
import type { ActorType, ClaimKind, Report } from '../lib/types';

/** Options of {@link renderReport}. */
export interface RenderOptions {
  color: boolean;
  /** Line width in columns (clamped to 40..120). */
  width: number;
}

const TYPE_COLOR: Record<ActorType, string> = {
  state: '31', intergov: '34', agency: '35', official: '33', 'threat-group': '1;91', company: '36', person: '32',
};
const KIND_COLOR: Record<ClaimKind, string> = {
  attribution: '1;31', denial: '1;32', condemnation: '1;35', call: '1;34', assessment: '1;33',
};
const TYPES = Object.keys(TYPE_COLOR) as ActorType[];
const KINDS = Object.keys(KIND_COLOR) as ClaimKind[];

/** Plain or coloured output helpers. */
function painter(color: boolean) {
  return (code: string, s: string): string => (color && code ? `\x1b[${code}m${s}\x1b[0m` : s);
}

/** Removes control characters (page text must not drive the terminal). */
export function safe(s: string): string {
  // eslint-disable-next-line no-control-regex -- stripping controls is the point
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}

interface Styled {
  text: string;
  code: string;
}

/** Per-character style codes for the text: actor colour plus claim underline. */
function styleMap(report: Report, text: string): { actor: Int8Array; claim: Int8Array; tags: Map<number, ClaimKind[]> } {
  const actor = new Int8Array(text.length).fill(-1);
  const claim = new Int8Array(text.length).fill(-1);
  const tags = new Map<number, ClaimKind[]>();
  for (const c of report.claims) {
    const k = KINDS.indexOf(c.kind);
    claim.fill(k, Math.max(0, c.start), Math.min(text.length, c.end));
    tags.set(c.start, [...(tags.get(c.start) ?? []), c.kind]);
  }
  for (const a of report.actors) {
    const t = TYPES.indexOf(a.type);
    for (const m of a.mentions) actor.fill(t, Math.max(0, m.start), Math.min(text.length, m.end));
  }
  return { actor, claim, tags };
}

function codeAt(i: number, map: { actor: Int8Array; claim: Int8Array }): string {
  const parts: string[] = [];
  if (map.actor[i] >= 0) parts.push(TYPE_COLOR[TYPES[map.actor[i]]]);
  if (map.claim[i] >= 0) parts.push('4');
  return parts.join(';');
}

/** Splits one paragraph `[from, to)` into words of uniformly styled runs, with claim tags. */
function words(text: string, from: number, to: number, map: ReturnType<typeof styleMap>, color: boolean): Styled[][] {
  const out: Styled[][] = [];
  let word: Styled[] = [];
  const push = (s: string, code: string) => {
    const last = word[word.length - 1];
    if (last && last.code === code) last.text += s;
    else word.push({ text: s, code });
  };
  for (let i = from; i < to; i++) {
    for (const kind of map.tags.get(i) ?? []) {
      if (word.length) out.push(word);
      word = [];
      out.push([{ text: `[${kind}]`, code: color ? KIND_COLOR[kind] : '' }]);
    }
    const ch = text[i];
    if (ch === ' ') {
      if (word.length) out.push(word);
      word = [];
    } else push(ch, color ? codeAt(i, map) : '');
  }
  if (word.length) out.push(word);
  return out;
}

function wrap(ws: Styled[][], width: number, paint: (c: string, s: string) => string): string[] {
  const lines: string[] = [];
  let line = '';
  let len = 0;
  for (const w of ws) {
    const wlen = w.reduce((n, r) => n + r.text.length, 0);
    if (len > 0 && len + 1 + wlen > width) {
      lines.push(line);
      line = '';
      len = 0;
    }
    if (len > 0) {
      line += ' ';
      len++;
    }
    line += w.map(r => paint(r.code, r.text)).join('');
    len += wlen;
  }
  if (line) lines.push(line);
  return lines;
}

function header(report: Report, label: string, paint: (c: string, s: string) => string): string[] {
  const s = report.source;
  const a = report.article;
  const meta = [s.site, s.published, s.language, s.url ?? label].filter(Boolean).map(x => safe(String(x)));
  const rel = a.relevant ? paint('1;32', 'yes') : paint('2', 'no');
  const lines = [paint('1', safe(s.title ?? '(no title)')), paint('2', meta.join(' · '))];
  lines.push(`Article: ${a.detected ? 'yes' : 'no'} (${a.words} words)   Relevant: ${rel} (${a.relevance.toFixed(2)})`);
  for (const r of a.reasons) lines.push(paint('2', `  - ${safe(r)}`));
  return lines;
}

function summary(report: Report, paint: (c: string, s: string) => string): string[] {
  const lines = ['', paint('1', `Actors (${report.actors.length})`)];
  const names = new Map(report.actors.map(a => [a.id, a.name]));
  for (const t of TYPES) {
    const of = report.actors.filter(a => a.type === t).sort((x, y) => y.mentions.length - x.mentions.length);
    if (!of.length) continue;
    const list = of.map(a => `${safe(a.name)}${a.country && a.type !== 'state' ? ` (${a.country})` : ''} ×${a.mentions.length}`);
    lines.push(`  ${paint(TYPE_COLOR[t], t)} (${of.length}): ${list.join(', ')}`);
  }
  lines.push('', paint('1', `Claims (${report.claims.length})`));
  for (const c of report.claims) {
    const who = c.claimant ? safe(names.get(c.claimant) ?? c.claimant) : '(unnamed)';
    const accused = c.accused.map(id => safe(names.get(id) ?? id)).join(', ') || '—';
    const conf = c.confidence ? ` "${safe(c.confidence.phrase)}" (${c.confidence.scale})` : '';
    lines.push(`  ${who} → ${accused} ${paint(KIND_COLOR[c.kind], `[${c.kind}]`)}${conf}${c.quote ? ' (quote)' : ''}`);
  }
  lines.push('', paint('1', `Cross-references (${report.crossReferences.length})`));
  for (const x of report.crossReferences) {
    const parts = [x.issuer, x.date ?? 'undated', x.kind, x.title ? `"${x.title}"` : null, x.url].filter(Boolean);
    lines.push(`  ${parts.map(p => safe(String(p))).join(' · ')}`);
  }
  return lines;
}

/**
 * Renders a report and its article text for a terminal. Offsets in `report` are into `text`.
 * @param label the input as the user gave it (shown when the page has no URL).
 */
export function renderReport(report: Report, text: string, label: string, opts: RenderOptions): string {
  const paint = painter(opts.color);
  const width = Math.max(40, Math.min(120, opts.width));
  const map = styleMap(report, text);
  const out = header(report, label, paint);
  out.push('');
  let from = 0;
  while (from <= text.length) {
    const next = text.indexOf('\n\n', from);
    const to = next < 0 ? text.length : next;
    // Page text may hold control characters; they are dropped per word, offsets stay intact.
    const ws = words(text, from, to, map, opts.color).map(w => w.map(r => ({ ...r, text: safe(r.text.replace(/\s/g, ' ')) })));
    out.push(...wrap(ws, width, paint), '');
    if (next < 0) break;
    from = next + 2;
  }
  out.push(...summary(report, paint));
  return out.join('\n');
}
