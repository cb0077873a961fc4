import type { Kb } from '../kb';
import type { Actor, Claim } from '../types';
import { findActors } from './actors';
import { findClaims } from './claims';
import { makeDoc } from './doc';
import { scoreRelevance, type Relevance } from './relevance';

/** What the language stage finds in a text; every offset is into that text. */
export interface TextAnalysis {
  actors: Actor[];
  claims: Claim[];
  relevance: Relevance;
  words: number;
}

/**
 * Text in, actors and claims out:
 * 1. tokens and sentences (with quotation state);
 * 2. actors (knowledge base, name shapes, context, people — see actors/index.ts);
 * 3. claims per sentence (triggers, claimants, accused, estimative language);
 * 4. relevance from both.
 * Linear in the text length.
 */
export function analyzeText(text: string, kb: Kb): TextAnalysis {
  const doc = makeDoc(text);
  const reg = findActors(doc, kb);
  const claims = findClaims(doc, reg);
  const actors = reg.toActors();
  const relevance = scoreRelevance(doc, actors, claims);
  const words = doc.tokens.reduce((n, t) => n + (t.kind === 'punct' ? 0 : 1), 0);
  return { actors, claims, relevance, words };
}
