import type { Actor, CrossReference, Report } from '../../lib/types';

/** Hand-made test data for the popup components: an invented incident, not corpus text. */

function actor(id: string, name: string, type: Actor['type'], country: string | null, mentions: number): Actor {
  return {
    id,
    name,
    type,
    country,
    aliases: [],
    kb: null,
    mentions: Array.from({ length: mentions }, (_, i) => ({ text: name, start: i * 100, end: i * 100 + name.length })),
  };
}

function xref(id: string, issuer: string, country: string | null, kind: string, extra: Partial<CrossReference> = {}): CrossReference {
  return {
    id,
    issuer,
    issuerActor: null,
    kind,
    date: '2024-03-02',
    title: `${issuer} statement on the Lakeside mail intrusion`,
    url: `https://gov.example/${id}`,
    event: 'lakeside-2024',
    relation: 'same-event',
    score: 0.9,
    why: ['same incident name'],
    country,
    accused: ['Ruritania', 'Ruritanian Intelligence Bureau'],
    ...extra,
  };
}

/** A relevant report with every section filled. */
export function fakeReport(): Report {
  return {
    schema: 'attribution-lens/report@1',
    source: { url: 'https://news.example/a', title: 'Allies blame Ruritania for mail intrusion', site: 'news.example', published: '2024-03-03', language: 'en' },
    article: { detected: true, relevant: true, relevance: 0.9, reasons: ['names a government that blames a state'], words: 640 },
    actors: [
      actor('state:RU', 'Ruritania', 'state', 'RU', 5),
      actor('state:FR', 'France', 'state', 'FR', 2),
      actor('state:DE', 'Germany', 'state', 'DE', 1),
      actor('intergov:eu', 'European Union', 'intergov', null, 1),
      actor('agency:rib', 'Ruritanian Intelligence Bureau', 'agency', 'RU', 3),
      actor('group:g1', 'Grey Heron', 'threat-group', 'RU', 4),
      actor('company:mailco', 'MailCo', 'company', 'US', 1),
    ],
    claims: [
      {
        id: 'c1',
        kind: 'attribution',
        claimant: 'state:FR',
        accused: ['state:RU', 'agency:rib'],
        sentence: 'France said the intrusion was almost certainly the work of Ruritania.',
        start: 0,
        end: 70,
        quote: false,
        confidence: { phrase: 'almost certainly', scale: 'ICD-203', probability: [0.95, 0.99], term: 'almost certain', expresses: 'likelihood' },
      },
      {
        id: 'c2',
        kind: 'assessment',
        claimant: 'state:DE',
        accused: ['group:g1'],
        sentence: 'Germany said it was confident the group was behind it.',
        start: 80,
        end: 130,
        quote: false,
        confidence: { phrase: 'confident', scale: 'other', probability: [0.8, 0.95], term: 'high confidence', expresses: 'confidence' },
      },
      { id: 'c3', kind: 'denial', claimant: null, accused: ['state:RU'], sentence: 'Ruritania denied it.', start: 140, end: 160, quote: false, confidence: null },
    ],
    crossReferences: [
      xref('x-fr', 'France', 'FR', 'attribution', { confidencePhrase: 'almost certainly', relation: 'mentioned-in-article' }),
      xref('x-de', 'Germany', 'DE', 'attribution', { issuerBody: 'Federal Foreign Office', date: '2024-03-01' }),
      xref('x-nl', 'Netherlands', 'NL', 'condemnation', { url: 'http://insecure.example/nl' }),
      xref('x-eu', 'European Union', 'EU', 'condemnation', { url: 'javascript:alert(1)' }),
      xref('x-us', 'United States', 'US', 'sanctions', { issuerBody: 'Department of the Treasury', date: '2024-03-05' }),
      xref('x-ru', 'Ruritania', 'RU', 'denial', { accused: [], title: 'Ruritania rejects the accusations' }),
      xref('x-old', 'Canada', 'CA', 'advisory', { relation: 'related', date: '2022-01-10', event: 'other' }),
    ],
    incidents: [{ id: 'lakeside-2024', name: 'Lakeside mail intrusion', score: 0.9, why: ['named in the article'] }],
  };
}
