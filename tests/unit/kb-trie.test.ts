import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledEntities } from '../../lib/kb/bundled';
import { buildKb } from '../../lib/kb/index';
import { AliasTrie, bucketOf, bucketOfWritten, type TrieMatch } from '../../lib/kb/trie';
import type { KbEntity } from '../../lib/kb/types';
import { fold, tokenize } from '../../lib/nlp/tokens';

/** What a match says, in a comparable form. */
const shape = (ms: readonly TrieMatch[]): string[] => ms.map(m => `${m.from}-${m.to}:${m.hits.map(h => `${h.entity.id}/${h.mode}/${h.written.join(' ')}`).join(',')}`);

const entities = bundledEntities();
const aliases = [...new Set(entities.flatMap(e => [e.name, ...e.aliases, ...(e.exact ?? []), ...(e.cyberOnly ?? []), ...(e.demonyms ?? []), ...(e.capitals ?? [])]).map(a => a.trim()))].filter(Boolean);

function sameBucketAsFirstToken(text: string): void {
  const toks = tokenize(text.trim());
  if (!toks.length) return;
  expect(bucketOf(fold(text.trim())), text).toBe(bucketOf(toks[0].lower));
  // what `add` files it under, without folding the whole alias
  expect(bucketOfWritten(text.trim()), text).toBe(bucketOf(toks[0].lower));
}

describe('alias trie buckets', () => {
  it('puts every alias of the knowledge base in the bucket of its first token', () => {
    expect(aliases.length).toBeGreaterThan(5000);
    for (const a of aliases) sameBucketAsFirstToken(a);
  });

  it('puts any string in the bucket of its first token (initialisms, possessives, accents, scripts)', () => {
    const char = fc.constantFrom(...'aZk09 .’\'-_/İıΣσςéÉßﬁ中ÅK\u0307s'.split(''));
    fc.assert(fc.property(fc.array(char, { maxLength: 14 }).map(cs => cs.join('')), sameBucketAsFirstToken), { numRuns: 3000 });
    for (const s of ["U.S.", "U.K.'s", "China's", "it's", "APT28", "3.5 billion", "İstanbul", "Ölüm", "ΣΑΣ", "'s", "K-9", "ﬁsh", "KELVIN"]) sameBucketAsFirstToken(s);
  });

  it('answers like a trie built at once, whatever the order of lookups', () => {
    const lazy = buildKb(entities).trie;
    const eager = buildKb(entities).trie;
    eager.expandAll();
    const dir = path.join(__dirname, '../fixtures/articles');
    const texts = [...aliases, ...fs.readdirSync(dir).map(f => fs.readFileSync(path.join(dir, f), 'utf8'))];
    let matched = 0;
    for (const text of texts) {
      const toks = tokenize(text);
      for (let i = 0; i < toks.length; i++) {
        const want = shape(eager.matchAt(toks, i));
        expect(shape(lazy.matchAt(toks, i)), `${text.slice(0, 60)} @${i}`).toEqual(want);
        if (want.length) matched++;
      }
    }
    expect(matched).toBeGreaterThan(aliases.length);
  });

  it('keeps the order aliases were added in (precedence) and drops duplicate written forms', () => {
    const a = { id: 'a', name: 'Alpha', type: 'agency', country: null, aliases: [], kb: null } as KbEntity;
    const b = { id: 'b', name: 'Beta', type: 'agency', country: null, aliases: [], kb: null } as KbEntity;
    const trie = new AliasTrie();
    trie.add(b, 'Shared Name', 'ci');
    trie.add(a, 'shared name', 'ci');
    trie.add(b, 'Shared Name', 'ci');
    trie.add(a, '  ', 'ci');
    expect(shape(trie.matchAt(tokenize('the Shared Name said'), 1))).toEqual(['1-3:b/ci/Shared Name,a/ci/shared name']);
    expect(trie.size).toBe(2);
    expect(trie.matchAt(tokenize('Shared'), 5)).toEqual([]);
  });
});

describe('knowledge base name index', () => {
  it('finds every canonical name, alias and exact form in lower case, the first entity winning a shared one', () => {
    const kb = buildKb(entities);
    const want = new Map<string, KbEntity>();
    for (const e of entities) for (const n of [e.name, ...e.aliases, ...(e.exact ?? [])]) if (!want.has(n.toLowerCase())) want.set(n.toLowerCase(), e);
    expect(kb.byName.size).toBe(want.size);
    for (const [name, e] of want) expect(kb.byName.get(name), name).toBe(e);
    expect(kb.byName.get('apt28')?.type).toBe('threat-group');
    // built once, on first use
    expect(kb.byName).toBe(kb.byName);
  });

  it('lets an earlier entity keep a name a later one shares', () => {
    const a = { id: 'a', name: 'Alpha', type: 'agency', country: null, aliases: ['Shared'], kb: null } as KbEntity;
    const b = { id: 'b', name: 'Beta', type: 'agency', country: null, aliases: [], exact: ['SHARED'], kb: null } as KbEntity;
    const kb = buildKb([a, b]);
    expect(kb.byName.get('shared')).toBe(a);
    expect(kb.byName.get('beta')).toBe(b);
    expect(buildKb([b, a]).byName.get('shared')).toBe(b);
  });
});
