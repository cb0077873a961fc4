import type { Actor, ActorType, Mention } from '../../types';
import type { KbEntity } from '../../kb/types';
import type { Token } from '../tokens';

/** An actor being collected: identity plus mentions with token ranges. */
export interface FoundActor {
  id: string;
  name: string;
  type: ActorType;
  country: string | null;
  kb: string | null;
  aliases: Set<string>;
  mentions: Array<Mention & { from: number; to: number; sentence: number }>;
  entity: KbEntity | null;
  /** Officials: the title/role found with the name. */
  role?: string;
}

/**
 * Collects actors and their mentions; each token belongs to at most one mention
 * (`owner[i]` is the actor id), so earlier, more specific stages win.
 */
export class ActorRegistry {
  readonly byId = new Map<string, FoundActor>();
  readonly owner: Array<string | null>;
  /** The mention covering each token (O(1) lookups keep every rule linear). */
  private readonly spans: Array<FoundActor['mentions'][number] | null>;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
  ) {
    this.owner = new Array<string | null>(tokens.length).fill(null);
    this.spans = new Array<FoundActor['mentions'][number] | null>(tokens.length).fill(null);
  }

  /** True when every token of `[from, to)` is free. */
  free(from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.owner[i] !== null) return false;
    return true;
  }

  /** Registers an entity (from the KB) or a pattern-found actor; returns the stored actor. */
  ensure(a: Omit<FoundActor, 'mentions' | 'aliases'> & { aliases?: Iterable<string> }): FoundActor {
    let found = this.byId.get(a.id);
    if (!found) {
      found = { ...a, aliases: new Set(a.aliases ?? []), mentions: [] };
      this.byId.set(a.id, found);
    }
    return found;
  }

  /** Adds a mention over tokens `[from, to)` if they are free. */
  mention(actor: FoundActor, from: number, to: number): boolean {
    if (to <= from || !this.free(from, to)) return false;
    const start = this.tokens[from].start;
    const end = this.tokens[to - 1].end;
    const m = { text: this.text.slice(start, end), start, end, from, to, sentence: this.tokens[from].sentence };
    for (let i = from; i < to; i++) {
      this.owner[i] = actor.id;
      this.spans[i] = m;
    }
    actor.mentions.push(m);
    return true;
  }

  /** The mention covering token i, if any. */
  mentionAt(i: number): FoundActor['mentions'][number] | null {
    return this.spans[i] ?? null;
  }

  /** Removes one mention of an actor, freeing its tokens. */
  unmention(actor: FoundActor, m: FoundActor['mentions'][number]): void {
    actor.mentions.splice(actor.mentions.indexOf(m), 1);
    for (let i = m.from; i < m.to; i++) {
      this.owner[i] = null;
      this.spans[i] = null;
    }
  }

  /** Merges actor `from` into `into` (mentions and aliases). */
  merge(from: FoundActor, into: FoundActor): void {
    if (from === into) return;
    for (const m of from.mentions) {
      into.mentions.push(m);
      for (let i = m.from; i < m.to; i++) this.owner[i] = into.id;
    }
    for (const a of from.aliases) into.aliases.add(a);
    this.byId.delete(from.id);
  }

  /** Actor owning token i, if any. */
  at(i: number): FoundActor | null {
    const id = this.owner[i];
    return id === null ? null : (this.byId.get(id) ?? null);
  }

  /** The report's actors, mentions sorted by offset, actors by first mention. */
  toActors(): Actor[] {
    const out: Actor[] = [];
    for (const a of this.byId.values()) {
      if (!a.mentions.length) continue;
      a.mentions.sort((x, y) => x.start - y.start);
      const seen = new Set<string>();
      const aliases: string[] = [];
      for (const s of [...a.aliases, ...a.mentions.map(m => m.text)]) {
        const k = s.toLowerCase();
        if (k === a.name.toLowerCase() || seen.has(k)) continue;
        seen.add(k);
        aliases.push(s);
      }
      out.push({
        id: a.id,
        name: a.name,
        type: a.type,
        country: a.country,
        aliases,
        kb: a.kb,
        mentions: a.mentions.map(m => ({ text: m.text, start: m.start, end: m.end })),
      });
    }
    return out.sort((x, y) => x.mentions[0].start - y.mentions[0].start);
  }
}

/** Registry entry for a knowledge-base entity. */
export function fromEntity(e: KbEntity): Omit<FoundActor, 'mentions' | 'aliases'> & { aliases: string[] } {
  return { id: e.id, name: e.name, type: e.type, country: e.country, kb: e.kb, entity: e, aliases: [] };
}
