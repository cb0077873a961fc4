import type { Doc } from '../doc';
import { isCyberToken } from '../doc';
import { AGENT_BEFORE, AGENT_POSSESSED, AGENT_VERBS, GOV_NOUNS, THREAT_CUES } from '../lexicon';
import type { Token } from '../tokens';

/**
 * Context tests that decide whether a demonym, a capital or an ordinary-word alias denotes an
 * actor at a given place. Token indices are into `doc.tokens`.
 */

/** "Chinese government", "Russian state-backed hackers", "Chinese-linked": a government noun follows within 3 words. */
export function demonymInGovContext(tokens: Token[], to: number): boolean {
  for (let j = to, seen = 0; j < tokens.length && seen < 3; j++) {
    const t = tokens[j];
    if (t.kind === 'punct') {
      if (t.text === '-' || t.text === '–') continue;
      return false;
    }
    if (GOV_NOUNS.has(t.lower)) return true;
    if (t.lower === 'speaking' || t.lower === 'born' || t.lower === 'american') return false;
    seen++;
  }
  return false;
}

/** "Beijing denied", "called on Moscow to", "Washington's response": a capital used as an agent. */
export function capitalAsAgent(tokens: Token[], from: number, to: number): boolean {
  const next = tokens[to];
  const prev = tokens[from - 1];
  // "the embassy in Ottawa denied": a place
  if (prev && /^(?:in|at|from|near|outside|into|inside|across|around)$/.test(prev.lower)) return false;
  if (next && AGENT_VERBS.has(next.lower)) return true;
  if (next && (next.lower === "'s" || next.lower === "'") && tokens[to + 1] && AGENT_POSSESSED.has(tokens[to + 1].lower)) return true;
  if (prev && AGENT_BEFORE.has(prev.lower)) return true;
  // "groups working for Tehran", "on behalf of Moscow", "linked to Beijing", "backed by Pyongyang"
  const prev2 = tokens[from - 2]?.lower ?? '';
  if (prev && ((prev.lower === 'for' && /^(?:working|work|works|worked|acting|spying)$/.test(prev2)) || (prev.lower === 'of' && prev2 === 'behalf') || (prev.lower === 'to' && /^(?:linked|tied|ties|close|loyal)$/.test(prev2)))) return true;
  // "attributing the campaign to Beijing"
  if (prev?.lower === 'to' && tokens.slice(Math.max(0, from - 7), from - 1).some(t => /^(?:attribut|traced|linked|tied|pinned|blam)/.test(t.lower))) return true;
  // "Washington and Beijing have …", "London and its allies"
  if (next && next.lower === 'and') {
    const after = tokens[to + 1];
    const after2 = tokens[to + 2];
    if (after && (after.lower === 'its' || after.lower === 'allies')) return true;
    if (after2 && AGENT_VERBS.has(after2.lower)) return true;
  }
  return false;
}

/**
 * Cyber context for an ordinary-word alias ("Lazarus", "Turbine"): the article is about cyber
 * activity and the sentence has a threat cue ("group", "hackers", "APT") or a cyber term near it.
 */
export function inCyberContext(doc: Doc, from: number, to: number): boolean {
  if (doc.cyberTerms < 2) return false;
  const s = doc.tokens[from].sentence;
  const sent = doc.sentences[s];
  if (!sent) return false;
  const lo = Math.max(sent.from, from - 6);
  const hi = Math.min(sent.to, to + 6);
  for (let j = lo; j < hi; j++) {
    if (j >= from && j < to) continue;
    if (THREAT_CUES.has(doc.tokens[j].lower) || isCyberToken(doc.tokens, j)) return true;
  }
  return false;
}

/** A dateline ("OTTAWA —", "WASHINGTON (Reuters) -") at the start of a paragraph. */
export function isDateline(doc: Doc, from: number, to: number): boolean {
  const t = doc.tokens[from];
  const s = doc.sentences[t.sentence];
  if (!s || from - s.from > 3) return false;
  const next = doc.tokens[to];
  return !!next && /^[—–\-(,:]$/.test(next.text) && t.text === t.text.toUpperCase();
}
