import { fold, tokenize, type Token } from '../nlp/tokens';
import type { KbEntity } from './types';

/**
 * How an alias may match:
 * - `ci`: case-insensitive;
 * - `exact`: only in its written case (acronyms such as "US", "MSS");
 * - `cyber`: written case and only in a cyber context (ordinary words: "Lazarus", "Turbine");
 * - `demonym`, `capital`: denote a state only in government contexts (decided by the caller);
 * - `generic`: a bare form ("Foreign Ministry") whose country comes from context.
 */
export type AliasMode = 'ci' | 'exact' | 'cyber' | 'demonym' | 'capital' | 'generic';

export interface AliasHit {
  entity: KbEntity;
  alias: string;
  /** Alias tokens as written, for written-case checks. */
  written: string[];
  mode: AliasMode;
}

interface TrieNode {
  /** Children by token; null on a leaf (most nodes: one Map fewer each). */
  next: Map<string, TrieNode> | null;
  hits: AliasHit[] | null;
}

/** A match of the trie in a token stream: tokens `[from, to)`. */
export interface TrieMatch {
  from: number;
  to: number;
  hits: AliasHit[];
}

const NO_MATCH: readonly TrieMatch[] = Object.freeze([]);

/** Aliases waiting in their bucket, flat: entity, alias, mode, entity, alias, mode… (no object each). */
type Pending = (KbEntity | string)[];

/**
 * The bucket of a folded string: the run of ASCII letters and digits it starts with. An alias and
 * its first token have the same bucket: the tokenizer never ends a token inside such a run (a word
 * token takes every letter and digit that follows; an initialism such as "U.S." or a lone sign
 * stops where the run stops anyway), and the token's key is the fold of a prefix of the alias.
 */
export function bucketOf(folded: string): string {
  const end = folded.search(NOT_ALNUM);
  return end < 0 ? folded : folded.slice(0, end);
}
const NOT_ALNUM = /[^a-z0-9]/;
const NOT_ASCII_ALNUM = /[^a-z0-9]/i;

/**
 * {@link bucketOf} the fold of `text`, without folding all of it: the run is ASCII, so only the
 * run is lower-cased, unless the character that ends it is not ASCII (it may fold into ASCII,
 * as "K" (Kelvin) and "İ" do): then the whole text is folded. The knowledge base's 10,000
 * aliases are filed this way when a worker starts.
 */
export function bucketOfWritten(text: string): string {
  const end = text.search(NOT_ASCII_ALNUM);
  if (end < 0) return text.toLowerCase();
  if (text.charCodeAt(end) < 128) return text.slice(0, end).toLowerCase();
  return bucketOf(fold(text));
}

/**
 * A token trie over every alias of the knowledge base; lookups are O(alias length).
 * Built lazily: `add` only files the alias under its bucket (no tokenizing), and the aliases of a
 * bucket enter the trie the first time a token of that bucket is looked up. A woken worker then
 * answers its first article without tokenizing the 10,000 aliases first; an article touches the
 * buckets of its own words only. Matches are the same as a trie built at once: an alias can only
 * match at a token of its bucket, and a bucket's aliases enter the trie in the order they were
 * added (which sets precedence).
 */
export class AliasTrie {
  private root: TrieNode = { next: new Map(), hits: null };
  private pending = new Map<string, Pending>();
  /** Aliases added (a duplicate written form of an alias counts once it enters the trie). */
  size = 0;

  add(entity: KbEntity, alias: string, mode: AliasMode): void {
    const text = alias.trim();
    if (!text) return;
    const key = bucketOfWritten(text);
    const list = this.pending.get(key);
    if (list) list.push(entity, alias, mode);
    else this.pending.set(key, [entity, alias, mode]);
    this.size++;
  }

  private insert(entity: KbEntity, alias: string, mode: AliasMode): void {
    const toks = tokenize(alias.trim());
    if (!toks.length) return void this.size--;
    let node = this.root;
    for (const t of toks) {
      node.next ??= new Map();
      let child = node.next.get(t.lower);
      if (!child) {
        child = { next: null, hits: null };
        node.next.set(t.lower, child);
      }
      node = child;
    }
    const written = toks.map(t => t.text);
    node.hits ??= [];
    // the same entity may have several written forms of one alias ("FANCY BEAR", "Fancy Bear")
    if (node.hits.some(h => h.entity === entity && h.mode === mode && h.written.join(' ') === written.join(' '))) return void this.size--;
    node.hits.push({ entity, alias, written, mode });
  }

  /** Puts the aliases of `key`'s bucket into the trie, if they are not there yet. */
  private expand(key: string): void {
    const list = this.pending.get(key);
    if (!list) return;
    this.pending.delete(key);
    for (let i = 0; i < list.length; i += 3) this.insert(list[i] as KbEntity, list[i + 1] as string, list[i + 2] as AliasMode);
  }

  /** Puts every alias into the trie now (what lookups would do bucket by bucket). */
  expandAll(): void {
    for (const key of [...this.pending.keys()]) this.expand(key);
  }

  /**
   * All alias matches starting at token `i`, longest first. The article text's "the" is not
   * part of any alias: callers skip it.
   */
  matchAt(tokens: Token[], i: number): readonly TrieMatch[] {
    if (i >= tokens.length) return NO_MATCH;
    const first = tokens[i].lower;
    if (this.pending.size) this.expand(bucketOf(first));
    // Most tokens start no alias: answered without an allocation.
    if (!this.root.next?.has(first)) return NO_MATCH;
    const out: TrieMatch[] = [];
    let node: TrieNode | undefined = this.root;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next?.get(tokens[j].lower);
      if (!node) break;
      if (node.hits) out.push({ from: i, to: j + 1, hits: node.hits });
    }
    return out.reverse();
  }
}

/** True when the tokens are written exactly as the alias (case-sensitive). */
export function writtenAsAlias(tokens: Token[], from: number, hit: AliasHit): boolean {
  for (let k = 0; k < hit.written.length; k++) if (tokens[from + k]?.text.replace(/’/g, "'") !== hit.written[k].replace(/’/g, "'")) return false;
  return true;
}
