import type { ClaimKind } from '../../types';
import { startsUpper, type Token } from '../tokens';

/**
 * Claim triggers. A `subject` trigger is a verb or noun whose grammatical subject is the claimant
 * ("Canada blamed China", "Russia denied"); a `content` trigger says what the claimant asserts
 * ("China was behind the attack", "the MSS is responsible") and takes the reporting speaker.
 */
export interface Trigger {
  kind: ClaimKind;
  role: 'subject' | 'content';
  /** Token range of the trigger words. */
  from: number;
  to: number;
  /** Passive ("was accused by", "was blamed on"): the agent after "by" is the claimant. */
  passive: boolean;
  /** A noun ("accusations", "condemnation"): the claimant is its possessor or its "by" agent. */
  noun?: boolean;
}

const S = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const ATTRIB_SUBJ = S('traced traces blame blamed blames blaming accuse accused accuses accusing attribute attributed attributes attributing attribution attributions pinned pin pins identified named implicated implicates alleged alleges allege allegation allegations accusation accusations charged charges indicted indicts indictment sanctioned sanctions sanctioning');
const ATTRIB_CONTENT_EXTRA = S('part');
const ATTRIB_CONTENT = S('belonged belong belongs worked works controlled operated run ties backing behind responsible responsibility culprit culprits perpetrator perpetrators orchestrated perpetrated sponsored state-sponsored backed state-backed directed consists linked tied affiliated working involved');
const HOSTILE = S('stolen steal steals hacked hack hacking targeted targeting compromised compromising infiltrated infiltrating breached breaching attacked attacking stole stealing exploited exploiting spied spying penetrated conducted conducting carried launched launching disrupted disrupting');
const DENY_SUBJ = S('deny denied denies denying denial denials reject rejected rejects rejecting dismiss dismissed dismisses dismissing refute refuted refutes rebuffed rebuts rebutted deflected');
const DENY_CONTENT = S('russophobic russophobia hysteria lies fake groundless baseless unfounded fabricated fabrication smear smears smearing slander slandered slandering slanderous hype hypes hyping politicize politicizing politicise politicising defamation disinformation nonsense absurd unsubstantiated');
const CONDEMN = S('condemn condemned condemns condemning condemnation condemnations denounce denounced denounces denouncing denunciation denunciations deplore deplored deplores censure censured rebuke rebuked');
const ACT_NOUNS = S('act acts attack attacks campaign campaigns activity activities operation operations intrusion intrusions hack hacks hacking espionage cyberattack cyberattacks interference breach breaches');
const CONDEMN_CONTENT = S('violation violations violates violated provocation provocative unacceptable reprehensible irresponsible reckless outrageous malign tolerate');
const CALL = S('urge urged urges urging demand demanded demands demanding');
const ASSESS_SUBJ = S('assess assessed assesses assessment assessments judge judged judges concluded concludes conclude determined believes believe believed estimated warned warns warning');

/** Nouns of claims: their possessor ("Norway's accusations", "its condemnation") or "by" agent is the claimant. */
const NOUNS = new Map<string, ClaimKind>([
  ...['accusation', 'accusations', 'allegation', 'allegations', 'attribution', 'attributions'].map(w => [w, 'attribution'] as [string, ClaimKind]),
  ...['condemnation', 'condemnations', 'denunciation', 'denunciations'].map(w => [w, 'condemnation'] as [string, ClaimKind]),
  ...['denial', 'denials'].map(w => [w, 'denial'] as [string, ClaimKind]),
]);

/** "called the accusations a provocation / baseless": the object is a claim, then a word that rejects it. */
function rebuttal(toks: Token[], i: number, to: number): boolean {
  let j = i + 1;
  while (j < to && /^(?:the|these|those|such|them|it|this|that|all)$/.test(toks[j].lower)) j++;
  const object = toks[j - 1]?.lower ?? '';
  if (!/^(?:claims?|accusations?|allegations?|charges?|reports?|them|it|this)$/.test(toks[j]?.lower ?? '') && !/^(?:them|it|this)$/.test(object)) return false;
  for (let k = j; k < Math.min(to, j + 8); k++) if (DENY_CONTENT.has(toks[k].lower) || /^(?:provocation|provocative|fabricated|fabrication|absurd|nonsense|slander)$/.test(toks[k].lower)) return true;
  return false;
}

function negated(toks: Token[], i: number, from: number): boolean {
  for (let j = i - 1; j >= Math.max(from, i - 3); j--) {
    const w = toks[j].lower;
    if (w === 'not' || w === 'never' || w.endsWith("n't")) return true;
    if (toks[j].kind === 'punct') return false;
  }
  return false;
}

// Word lists asked of (nearly) every token: sets, not patterns.
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be']);
const IS_WAS = new Set(['were', 'was', 'are', 'is']);
const CULPRITS = new Set(['attackers', 'hackers', 'perpetrators', 'culprits', 'intruders', 'attacker', 'hacker', 'perpetrator', 'culprit']);
const LABEL_VERBS = new Set(['called', 'calling', 'calls', 'described', 'describing', 'branded', 'labelled', 'labeled']);

/** Finds the triggers of one sentence (tokens `[from, to)`). */
export function findTriggers(toks: Token[], from: number, to: number): Trigger[] {
  const out: Trigger[] = [];
  const push = (kind: ClaimKind, role: Trigger['role'], a: number, b: number, passive = false) => out.push({ kind, role, from: a, to: b, passive });
  for (let i = from; i < to; i++) {
    const w = toks[i].lower;
    const prev = toks[i - 1]?.lower ?? '';
    // "cannot accept such attacks"
    if (w === 'accept' && negated(toks, i, from)) {
      push('condemnation', 'content', i, i + 1);
      continue;
    }
    // "did not blame", "didn't immediately blame", "never accused"
    if (negated(toks, i, from) && !DENY_SUBJ.has(w) && !DENY_CONTENT.has(w) && w !== 'tolerate' && w !== 'evidence') continue;
    const next = toks[i + 1]?.lower ?? '';
    const passive = BE.has(prev) && w.endsWith('ed');
    if (NOUNS.has(w)) {
      if (/^attributions?$/.test(w) && !toks.slice(i + 1, Math.min(to, i + 8)).some(t => t.lower === 'to')) continue;
      out.push({ kind: NOUNS.get(w)!, role: 'subject', from: i, to: i + 1, passive: false, noun: true });
    } else if (ATTRIB_SUBJ.has(w)) {
      if ((w === 'named' || w === 'identified') && !/^(?:as|and)$/.test(next)) continue;
      if (/^alleg/.test(w) && /^(?:the|an|a|its|their|his|her|of)$/.test(prev)) continue; // "the alleged action"
      if ((w === 'traced' || w === 'traces') && !toks.slice(i + 1, Math.min(to, i + 8)).some(t => t.lower === 'to')) continue;
      if (w === 'blame' && /^(?:deflected|deflect|deflects|shifted|shift|denied|rejected)$/.test(prev)) continue;
      if ((w === 'charges' || w === 'sanctions') && !/^(?:against|on)$/.test(next)) continue; // "sanctions against Russia", not "views the sanctions as illegal"
      push('attribution', passive || /^(?:allegations?|accusations?|attributions?)$/.test(w) ? 'content' : 'subject', i, i + 1, passive);
    } else if (ATTRIB_CONTENT.has(w)) {
      if (/^(?:worked|works)$/.test(w) && next !== 'for') continue; // "worked for Iran"
      if (/^(?:belonged|belong|belongs)$/.test(w) && next !== 'to') continue;
      if (/^(?:controlled|operated|run)$/.test(w) && next !== 'by') continue;
      if (w === 'working' && next !== 'for' && !(next === 'on' && toks[i + 2]?.lower === 'behalf')) continue;
      if ((w === 'linked' || w === 'tied') && !/^(?:to|with)$/.test(next)) {
        // "have linked Volt Typhoon to China": the subject links
        if (toks.slice(i + 1, Math.min(to, i + 7)).some(t => t.lower === 'to') && /^(?:have|has|had|previously|also|publicly)$/.test(prev)) push('attribution', 'subject', i, i + 1);
        continue;
      }
      if (w === 'affiliated' && !/^(?:to|with)$/.test(next)) continue;
      if (w === 'involved' && next !== 'in') continue;
      if (w === 'ties' && next !== 'to') continue; // "hackers with ties to the Chinese government"
      if (w === 'backing' && !/^(?:group|groups|hackers|hacking|a|the)$/.test(next)) continue; // "had been backing a group known as APT10"
      if ((w === 'backed' || w === 'sponsored') && next !== 'by') continue;
      // "the Kremlin directed these cyberattacks", "directed by the GRU" (not "directed at")
      if (w === 'directed' && /^(?:at|to|towards|toward|against)$/.test(next)) continue;
      if (w === 'consists' && next !== 'of') continue;
      push('attribution', 'content', i, i + 1);
    } else if (HOSTILE.has(w)) {
      // "networks were breached by Russian intelligence": the agent is the accused, not a claimant
      push('attribution', 'content', i, i + 1);
    } else if (w === 'work' && next === 'of' && /^(?:the|was|is)$/.test(prev)) {
      push('attribution', 'content', i, i + 2); // "was the work of Russian military intelligence"
    } else if (w === 'evidence' && toks.slice(Math.max(from, i - 5), i).some(x => /^(?:no|not|without|lack|never|any)$/.test(x.lower))) {
      push('denial', 'content', i, i + 1); // "not backed up with evidence", "without evidence"
    } else if (ATTRIB_CONTENT_EXTRA.has(w) && next === 'of' && /^(?:is|are|was|were|be|been)$/.test(prev)) {
      push('attribution', 'content', i, i + 2); // "the hackers are part of the GRU"
    } else if (w === 'link' && (prev === 'no' || toks[i - 2]?.lower === 'no')) {
      push('denial', 'content', i, i + 1); // "it had no link to the cyberattack"
    } else if (IS_WAS.has(w) && CULPRITS.has(prev)) {
      push('attribution', 'content', i, i + 1); // "the attackers were Iranian state actors"
    } else if (ACT_NOUNS.has(w) && next === 'by') {
      push('attribution', 'content', i, i + 2); // "a malicious act by Chinese state-backed actors"
    } else if (w === 'distance' && /^(?:to|sought|tried)$/.test(prev)) {
      push('denial', 'subject', i, i + 1); // "sought to distance the government from"
    } else if (w === 'on' && next === 'behalf') {
      push('attribution', 'content', i, i + 2);
    } else if (LABEL_VERBS.has(w) && rebuttal(toks, i, to)) {
      push('denial', 'subject', i, i + 1); // "called the claims another anti-Russian provocation"
    } else if (DENY_SUBJ.has(w)) {
      if (w === 'deflected' && next !== 'blame') continue;
      push('denial', 'subject', i, i + 1, passive);
    } else if (DENY_CONTENT.has(w) || (w === 'opposes' || w === 'opposed') || (w === 'no' && next === 'evidence') || (w === 'nothing' && next === 'to')) {
      push('denial', 'content', i, i + 1);
    } else if (CONDEMN.has(w)) {
      push('condemnation', 'subject', i, i + 1, passive);
    } else if (CONDEMN_CONTENT.has(w)) {
      if (w === 'tolerate' && !/^(?:not|never)$/.test(prev) && toks[i - 2]?.lower !== 'not') continue;
      push('condemnation', 'content', i, i + 1);
    } else if ((CALL.has(w) || w === 'calls') && /^(?:ignored|heeded|despite|amid|resisted|rejected)$/.test(prev)) {
      continue; // "ignored calls for action"
    } else if (CALL.has(w) || ((w === 'called' || w === 'calls' || w === 'call' || w === 'calling') && (next === 'on' || next === 'upon' || next === 'for')) || ((w === 'must' || w === 'should') && /^(?:stop|end|cease|refrain|respect|act|halt|take|abide|desist)$/.test(next))) {
      push('call', w === 'must' || w === 'should' ? 'content' : 'subject', i, i + 1);
    } else if (ASSESS_SUBJ.has(w)) {
      if ((w === 'warned' || w === 'warns' || w === 'warning') && next !== 'that' && !/^(?:of|about)$/.test(next)) {
        // "warned Australia it risks …" is a call; "warns Congress that …" an assessment
        if (toks[i + 2]?.lower === 'that') push('assessment', 'subject', i, i + 1);
        else if (toks[i + 1] && startsUpper(toks[i + 1].text)) push('call', 'subject', i, i + 1);
        continue;
      }
      if (passive && /^believ/.test(w)) continue; // "are believed to": a hedge, not a view held
      push('assessment', 'subject', i, i + 1, passive);
    }
  }
  return out;
}
