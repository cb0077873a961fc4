import { tokenize, type Token } from '../nlp/tokens';
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

/** A token trie over every alias of the knowledge base; lookups are O(alias length). */
export class AliasTrie {
  private root: TrieNode = { next: new Map(), hits: null };
  size = 0;

  add(entity: KbEntity, alias: string, mode: AliasMode): void {
    const toks = tokenize(alias.trim());
    if (!toks.length) return;
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
    if (node.hits.some(h => h.entity === entity && h.mode === mode && h.written.join(' ') === written.join(' '))) return;
    node.hits.push({ entity, alias, written, mode });
    this.size++;
  }

  /**
   * All alias matches starting at token `i`, longest first. The article text's "the" is not
   * part of any alias: callers skip it.
   */
  matchAt(tokens: Token[], i: number): readonly TrieMatch[] {
    // Most tokens start no alias: answered without an allocation.
    if (i >= tokens.length || !this.root.next?.has(tokens[i].lower)) return NO_MATCH;
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
