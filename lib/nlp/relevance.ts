import type { Actor, Claim } from '../types';
import { MIN_CYBER_DENSITY, MIN_CYBER_TERMS } from './cyber-hint';
import type { Doc } from './doc';

/** Relevance of an article to governments and state cyber activity: a score in 0..1 and reasons. */
export interface Relevance {
  relevant: boolean;
  score: number;
  reasons: string[];
}

// "state-sponsored", "nation-state", "government-backed hackers", "military intelligence"
const STATE_LINK = /\b(?:state|government|military|kremlin|beijing|regime)[-\s](?:backed|sponsored|linked|affiliated|directed|aligned|run|controlled)\b|\bnation[-\s]state\b|\bstate[-\s]actors?\b|\bstate hackers\b|\b(?:military|foreign|state) intelligence\b|\bspy agenc(?:y|ies)\b|\bintelligence (?:agency|service|services)\b|\bgovernment hackers\b|\bcyber[-\s]?espionage\b|\bcyberspies\b/gi;

/**
 * Combines the evidence: cyber vocabulary, claims that accuse a state, an agency or a
 * state-sponsored group, denials and condemnations, threat groups with a sponsor, and phrases
 * of state sponsorship. Both a cyber dimension and a state dimension are required: a company
 * breach or a ransomware arrest is not state activity; politics without cyber is not cyber.
 */
export function scoreRelevance(doc: Doc, actors: Actor[], claims: Claim[]): Relevance {
  const byId = new Map(actors.map(a => [a.id, a]));
  const reasons: string[] = [];
  const cyber = doc.cyberTerms;
  const words = doc.tokens.filter(t => t.kind !== 'punct').length || 1;
  const density = (cyber / words) * 100;
  const stateAccused = (c: Claim) => c.accused.some(id => {
    const a = byId.get(id);
    return !!a && (a.type === 'state' || a.type === 'agency' || (a.type === 'threat-group' && !!a.country));
  });
  const attributions = claims.filter(c => c.kind === 'attribution' && stateAccused(c));
  const denials = claims.filter(c => c.kind === 'denial');
  const condemnations = claims.filter(c => (c.kind === 'condemnation' || c.kind === 'call') && stateAccused(c));
  const sponsoredGroups = actors.filter(a => a.type === 'threat-group' && a.country);
  const links = (doc.text.match(STATE_LINK) ?? []).length;
  const govs = actors.filter(a => a.type === 'state' || a.type === 'agency' || a.type === 'intergov' || a.type === 'official');

  let score = 0;
  if (cyber >= 2) score += Math.min(0.3, 0.08 * cyber);
  if (attributions.length) {
    score += Math.min(0.45, 0.25 + 0.05 * attributions.length);
    const who = [...new Set(attributions.flatMap(c => c.accused.map(id => byId.get(id)?.name).filter(Boolean)))].slice(0, 3);
    reasons.push(`${attributions.length} statement${attributions.length > 1 ? 's' : ''} attributing cyber activity to ${who.join(', ')}`);
  }
  if (denials.length) {
    score += 0.1;
    reasons.push(`${denials.length} denial${denials.length > 1 ? 's' : ''} by an accused government`);
  }
  if (condemnations.length) {
    score += 0.1;
    reasons.push(`${condemnations.length} condemnation${condemnations.length > 1 ? 's' : ''} or call${condemnations.length > 1 ? 's' : ''} to act`);
  }
  if (sponsoredGroups.length) {
    score += 0.15;
    reasons.push(`names state-linked threat group${sponsoredGroups.length > 1 ? 's' : ''}: ${sponsoredGroups.slice(0, 3).map(a => a.name).join(', ')}`);
  }
  if (links) {
    score += Math.min(0.2, 0.07 * links);
    reasons.push(`speaks of state-backed cyber activity (${links} time${links > 1 ? 's' : ''})`);
  }
  if (govs.length >= 2) score += 0.05;
  if (cyber >= 3) reasons.unshift(`cyber vocabulary: ${cyber} terms (${density.toFixed(1)} per 100 words)`);
  else reasons.unshift(cyber ? `little cyber vocabulary (${cyber} term${cyber > 1 ? 's' : ''})` : 'no cyber vocabulary');
  const stateDimension = attributions.length > 0 || (links > 0 && (denials.length > 0 || condemnations.length > 0 || sponsoredGroups.length > 0)) || (sponsoredGroups.length > 0 && govs.length > 0 && links > 0);
  if (!stateDimension) {
    score = Math.min(score, 0.35);
    reasons.push(govs.length ? 'governments are named, but no government is said to be behind cyber activity' : 'no government named as behind cyber activity');
  }
  // an intelligence service or a state-linked group accused: two cyber terms suffice
  const agencyAccused = attributions.some(c => c.accused.some(id => ['agency', 'threat-group'].includes(byId.get(id)?.type ?? '')));
  // Never fewer than MIN_CYBER_TERMS, nor sparser than MIN_CYBER_DENSITY: the detector settles
  // pages below either unanalysed (./cyber-hint.ts).
  const minCyber = agencyAccused ? MIN_CYBER_TERMS : MIN_CYBER_TERMS + 1;
  if (cyber < minCyber || density < (agencyAccused ? MIN_CYBER_DENSITY : MIN_CYBER_DENSITY + 0.1)) score = Math.min(score, 0.3);
  score = Math.max(0, Math.min(1, score));
  return { relevant: score >= 0.5, score: Math.round(score * 100) / 100, reasons };
}
