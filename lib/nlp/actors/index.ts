import type { Kb } from '../../kb';
import type { Doc } from '../doc';
import { matchGazetteer } from './gazetteer';
import { matchPatterns } from './patterns';
import { matchPeople } from './people';
import { ActorRegistry, fromEntity } from './registry';
import { startsUpper } from '../tokens';

/**
 * Finds every actor in the document. Stages run from the most to the least specific; each
 * token belongs to one mention, so an earlier stage wins:
 * 1. knowledge-base names (plain, acronyms in written case, ordinary-word aliases in cyber context);
 * 2. name shapes (threat-group codes and vendor schemes, units, embassies, parliaments, agencies);
 * 3. contextual knowledge-base forms (demonyms and capitals that stand for a government,
 *    generic agency forms resolved to a country);
 * 4. people and officials;
 * 5. acronyms defined in the text ("Ministry of State Security (MSS)").
 */
export function findActors(doc: Doc, kb: Kb): ActorRegistry {
  const reg = new ActorRegistry(doc.text, doc.tokens);
  matchGazetteer(doc, kb, reg, 'names');
  matchPatterns(doc, kb, reg);
  matchGazetteer(doc, kb, reg, 'contextual');
  matchPeople(doc, reg);
  matchDefinedAcronyms(doc, reg);
  governmentsOfPeople(doc, kb, reg);
  return reg;
}

/** "the Trump administration", "the Albanese government": the state the person leads. */
function governmentsOfPeople(doc: Doc, kb: Kb, reg: ActorRegistry): void {
  // a known official's surname alone, before "government"/"administration"
  for (let i = 0; i + 1 < doc.tokens.length; i++) {
    if (reg.owner[i] !== null || !/^(?:administration|government)$/.test(doc.tokens[i + 1].lower)) continue;
    const ccs = kb.surnameCc.get(doc.tokens[i].text);
    const state = ccs?.size === 1 ? kb.stateByCc.get([...ccs][0]) : undefined;
    if (state && reg.free(i, i + 2)) reg.mention(reg.ensure(fromEntity(state)), i, i + 2);
  }
  for (const a of [...reg.byId.values()]) {
    if ((a.type !== 'official' && a.type !== 'person') || !a.country) continue;
    const state = kb.stateByCc.get(a.country);
    if (!state) continue;
    for (const m of [...a.mentions]) {
      const next = doc.tokens[m.to];
      if (!next || !/^(?:administration|government|cabinet|white)$/.test(next.lower) || (next.lower === 'white' && doc.tokens[m.to + 1]?.lower !== 'house')) continue;
      reg.unmention(a, m);
      reg.mention(reg.ensure(fromEntity(state)), m.from, m.to + (next.lower === 'white' ? 2 : 1));
    }
  }
}

/** "Ministry of State Security (MSS)": MSS becomes an alias, and its later free mentions count. */
function matchDefinedAcronyms(doc: Doc, reg: ActorRegistry): void {
  const toks = doc.tokens;
  const defined = new Map<string, string>();
  for (let i = 1; i + 2 < toks.length; i++) {
    if (toks[i].text !== '(' || toks[i + 2].text !== ')') continue;
    const acr = toks[i + 1];
    if (!/^\p{Lu}[\p{Lu}\d]{1,7}$/u.test(acr.text)) continue;
    const owner = reg.at(i - 1);
    if (!owner || owner.type === 'person' || owner.type === 'official' || owner.type === 'state') continue;
    const initials = owner.name.split(/[\s-]+/).filter(w => startsUpper(w)).map(w => w[0]).join('');
    const ownerAcr = reg.at(i + 1);
    if (ownerAcr && ownerAcr !== owner) continue;
    // accept when the letters fit the name, or the name is not an acronym-free pattern guess
    if (!initials.includes(acr.text[0])) continue;
    defined.set(acr.text, owner.id);
    owner.aliases.add(acr.text);
  }
  if (!defined.size) return;
  for (let i = 0; i < toks.length; i++) {
    if (reg.owner[i] !== null) continue;
    const id = defined.get(toks[i].text);
    const actor = id ? reg.byId.get(id) : undefined;
    if (actor) reg.mention(actor, i, i + 1);
  }
}

export type { ActorRegistry, FoundActor } from './registry';
