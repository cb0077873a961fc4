/**
 * Micro-benchmark of cross-reference matching: a synthetic 2,000-word article (our own filler
 * sentences plus incident names) with actors and claims, matched against the whole KB.
 *
 *   npx tsx scripts/bench-xref.ts [runs]
 */
import type { Actor, Claim } from '../lib/types';
import { createXrefIndex, crossReference } from '../lib/xref/match';
import incidents from '../assets/kb/incidents.json';
import statements from '../assets/kb/statements.json';
import type { Incident, Statement } from '../lib/xref/types';

const filler = [
  'Officials in several capitals said on Monday that the intrusions had been going on for months.',
  'Security researchers at private firms had earlier linked the activity to APT 40 and to Hafnium.',
  'The statement said the government of China was responsible, a charge its foreign ministry rejected.',
  'Analysts noted that the wording was stronger than in previous years and named the Ministry of State Security.',
  'Microsoft Exchange servers at thousands of organisations were exposed before patches were released.',
];
const words: string[] = [];
for (let i = 0; words.length < 2000; i++) words.push(...filler[i % filler.length].split(' '));
const text = words.slice(0, 2000).join(' ');

function actor(id: string, name: string, type: Actor['type'], country: string | null, kb: string | null): Actor {
  return { id, name, type, country, kb, aliases: [], mentions: [] };
}
const actors = [
  actor('state:CN', 'China', 'state', 'CN', 'iso:CN'),
  actor('state:CA', 'Canada', 'state', 'CA', 'iso:CA'),
  actor('agency:cn-mss', 'Ministry of State Security', 'agency', 'CN', 'agency:cn-mss'),
  actor('mitre:G0065', 'APT40', 'threat-group', 'CN', 'mitre:G0065'),
  actor('agency:cn-mfa', 'Ministry of Foreign Affairs of China', 'agency', 'CN', null),
];
const claims: Claim[] = Array.from({ length: 20 }, (_, i) => ({
  id: `c${i}`, kind: i % 5 === 4 ? 'denial' : 'attribution', claimant: i % 5 === 4 ? 'agency:cn-mfa' : 'state:CA',
  accused: ['state:CN'], sentence: filler[i % 5], start: 0, end: 1, quote: false, confidence: null,
}));

const t0 = performance.now();
const index = createXrefIndex(incidents as Incident[], statements as Statement[]);
const build = performance.now() - t0;
const input = { text, title: 'Allies blame China for Exchange hack', published: '2021-07-19', relevant: true, actors, claims };
for (let i = 0; i < 50; i++) crossReference(input, index);
const runs = Number(process.argv[2] ?? 500);
const times: number[] = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  crossReference(input, index);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const r = crossReference(input, index);
console.log(`index build: ${build.toFixed(1)} ms (${incidents.length} incidents, ${statements.length} statements)`);
console.log(`crossReference on ${words.length} words: median ${times[runs >> 1].toFixed(3)} ms, p95 ${times[Math.floor(runs * 0.95)].toFixed(3)} ms over ${runs} runs`);
console.log(`matched ${r.incidents.map((i) => `${i.id} (${i.score})`).join(', ')}; ${r.crossReferences.length} cross-references`);
