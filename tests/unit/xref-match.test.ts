import { describe, expect, it } from 'vitest';
import type { Actor, ActorType, Claim, ClaimKind } from '../../lib/types';
import { crossReference, type XrefInput } from '../../lib/xref/match';

/** An actor with one mention per occurrence of its name or aliases in `text`. */
function actor(text: string, id: string, name: string, type: ActorType, country: string | null, kb: string | null, aliases: string[] = []): Actor {
  const mentions = [name, ...aliases].flatMap((n) => {
    const out = [];
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) out.push({ text: n, start: i, end: i + n.length });
    return out;
  });
  return { id, name, type, country, aliases, kb, mentions };
}

let claimNo = 0;
function claim(kind: ClaimKind, claimant: string, accused: string[], sentence = 'x'): Claim {
  return { id: `c${++claimNo}`, kind, claimant, accused, sentence, start: 0, end: 1, quote: false, confidence: null };
}

function input(text: string, title: string | null, published: string | null, actors: Actor[], claims: Claim[], relevant = true): XrefInput {
  return { text, title, published, relevant, actors, claims };
}

const EXCHANGE_TEXT = [
  'Ottawa and its partners on Monday pointed at Beijing over the wave of intrusions into Microsoft Exchange servers earlier this year.',
  'Officials said hackers working for China\'s Ministry of State Security, including the crew known as APT 40, ran the campaign that security firms had tied to Hafnium.',
  'Britain\'s National Cyber Security Centre said the group was almost certainly backed by the Chinese state. Beijing\'s foreign ministry rejected the claims.',
].join('\n\n');

function exchangeActors(text: string): Actor[] {
  return [
    actor(text, 'state:CA', 'Canada', 'state', 'CA', 'iso:CA', ['Ottawa']),
    actor(text, 'state:CN', 'China', 'state', 'CN', 'iso:CN', ['Beijing']),
    actor(text, 'state:GB', 'United Kingdom', 'state', 'GB', 'iso:GB', ['Britain']),
    actor(text, 'agency:cn-mss', 'Ministry of State Security', 'agency', 'CN', 'agency:cn-mss'),
    actor(text, 'mitre:G0065', 'APT40', 'threat-group', 'CN', 'mitre:G0065', ['APT 40']),
    actor(text, 'agency:gb-ncsc', 'National Cyber Security Centre', 'agency', 'GB', 'agency:gb-ncsc'),
    actor(text, 'agency:cn-mfa', 'Ministry of Foreign Affairs of China', 'agency', 'CN', 'agency:cn-mfa', ['foreign ministry']),
  ];
}

describe('crossReference: a known incident (Exchange 2021)', () => {
  const actors = exchangeActors(EXCHANGE_TEXT);
  const claims = [
    claim('attribution', 'state:CA', ['state:CN', 'agency:cn-mss']),
    claim('attribution', 'agency:gb-ncsc', ['state:CN', 'mitre:G0065']),
    claim('denial', 'agency:cn-mfa', ['state:CN']),
  ];
  const res = crossReference(input(EXCHANGE_TEXT, 'Allies accuse China over Exchange hacking', '2021-07-19', actors, claims));

  it('matches exchange-2021 with reasons', () => {
    expect(res.incidents[0]?.id).toBe('exchange-2021');
    expect(res.incidents[0].score).toBeGreaterThan(0.7);
    expect(res.incidents[0].why.join(' ')).toMatch(/Hafnium/);
  });

  it('lists the 19 July statements of the allies and China’s denial, with dates and https links', () => {
    const issuers = new Set(res.crossReferences.map((x) => x.issuer));
    for (const i of ['United States', 'United Kingdom', 'European Union', 'NATO', 'Australia', 'New Zealand', 'Japan', 'China']) {
      expect(issuers, i).toContain(i);
    }
    const denial = res.crossReferences.find((x) => x.issuer === 'China' && x.kind === 'denial');
    expect(denial?.date).toMatch(/^2021-07-(?:19|20)$/);
    for (const x of res.crossReferences) {
      expect(x.event).toBe('exchange-2021');
      if (x.url) expect(x.url).toMatch(/^https:\/\//);
      expect(x.score).toBeGreaterThanOrEqual(0);
      expect(x.score).toBeLessThanOrEqual(1);
      expect(x.why.length).toBeGreaterThan(0);
    }
    const withLink = res.crossReferences.filter((x) => x.relation === 'same-event' && x.date === '2021-07-19' && x.url);
    expect(new Set(withLink.map((x) => x.issuer)).size).toBeGreaterThanOrEqual(4);
  });

  it('links the NCSC statement the article reports to the KB statement', () => {
    const ncsc = res.crossReferences.find((x) => x.relation === 'mentioned-in-article' && x.issuer === 'National Cyber Security Centre');
    expect(ncsc).toBeDefined();
    expect(ncsc?.statementId).toBeTruthy();
    expect(ncsc?.date).toBe('2021-07-19');
    expect(ncsc?.country).toBe('GB');
    const canada = res.crossReferences.filter((x) => x.issuer === 'Canada' && x.kind === 'attribution');
    expect(canada).toHaveLength(1);
    expect(canada[0].relation).toBe('mentioned-in-article');
  });

  it('ranks reported and same-day statements first and never repeats a statement for an issuer', () => {
    const top = res.crossReferences.slice(0, 5);
    expect(top.every((x) => x.relation === 'mentioned-in-article' || x.date === '2021-07-19')).toBe(true);
    const keys = res.crossReferences.map((x) => `${x.issuer}|${x.kind}|${x.statementId}`);
    expect(new Set(keys).size).toBe(keys.length);
    const scores = res.crossReferences.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('crossReference: date and names decide between incidents', () => {
  it('picks the 2024 APT40 advisory, not Exchange 2021, for a 2024 article on APT40', () => {
    const text = 'Australia\'s signals agency led a joint advisory describing how APT40, tied to the Ministry of State Security, quickly exploits newly published flaws.';
    const actors = [
      actor(text, 'state:AU', 'Australia', 'state', 'AU', 'iso:AU'),
      actor(text, 'mitre:G0065', 'APT40', 'threat-group', 'CN', 'mitre:G0065'),
      actor(text, 'agency:cn-mss', 'Ministry of State Security', 'agency', 'CN', 'agency:cn-mss'),
    ];
    const res = crossReference(input(text, null, '2024-07-09', actors, [claim('attribution', 'state:AU', ['mitre:G0065'])]));
    expect(res.incidents.map((i) => i.id)).toEqual(['apt40-advisory-2024']);
    expect(res.crossReferences.every((x) => x.event === 'apt40-advisory-2024')).toBe(true);
  });

  it('finds an incident added beyond the reference (Sony Pictures, 2014)', () => {
    const text = 'The FBI said North Korea was responsible for the destructive attack on Sony Pictures, carried out by hackers calling themselves the Guardians of Peace.';
    const actors = [
      actor(text, 'agency:us-fbi', 'Federal Bureau of Investigation', 'agency', 'US', 'agency:us-fbi', ['FBI']),
      actor(text, 'state:KP', 'North Korea', 'state', 'KP', 'iso:KP'),
    ];
    const res = crossReference(input(text, null, '2014-12-19', actors, [claim('attribution', 'agency:us-fbi', ['state:KP'])]));
    expect(res.incidents[0]?.id).toBe('sony-2014');
    const fbi = res.crossReferences.find((x) => x.relation === 'mentioned-in-article');
    expect(fbi?.issuer).toBe('Federal Bureau of Investigation');
    expect(fbi?.statementId).toBe('sony-us-fbi');
    expect(res.crossReferences.some((x) => x.issuer === 'North Korea' && x.kind === 'denial')).toBe(true);
  });
});

describe('crossReference: unknown incident, irrelevant page', () => {
  const text = 'Ruritania\'s foreign ministry accused a neighbouring state of breaking into its tax office computers last week; the neighbour\'s government denied it.';
  const actors = [
    actor(text, 'state:XR', 'Ruritania', 'state', null, null),
    actor(text, 'agency:xr-mfa', 'Ruritanian Foreign Ministry', 'agency', null, null, ['foreign ministry']),
    actor(text, 'state:RU', 'Russia', 'state', 'RU', 'iso:RU'),
    actor(text, 'official:ru-zakharova', 'Maria Zakharova', 'official', 'RU', null),
  ];
  const claims = [claim('attribution', 'agency:xr-mfa', ['state:RU']), claim('denial', 'official:ru-zakharova', ['state:RU']), claim('denial', 'official:ru-zakharova', ['state:RU'])];

  it('lists only what the article reports, once per issuer and kind', () => {
    const res = crossReference(input(text, 'Tax office hack blamed on Russia', '2031-03-02', actors, claims));
    expect(res.incidents).toEqual([]);
    expect(res.crossReferences.map((x) => x.relation)).toEqual(['mentioned-in-article', 'mentioned-in-article']);
    const denial = res.crossReferences.find((x) => x.kind === 'denial');
    expect(denial?.issuer).toBe('Russia');
    expect(denial?.date).toBe('2031-03-02');
    expect(denial?.url).toBeNull();
    expect(denial?.why).toContain('reported in this article');
  });

  it('returns nothing on a page that is not relevant', () => {
    const res = crossReference(input(EXCHANGE_TEXT, null, '2021-07-19', exchangeActors(EXCHANGE_TEXT), [], false));
    expect(res).toEqual({ incidents: [], crossReferences: [] });
  });

  it('does not match on a shared group name alone', () => {
    const t = 'A new report says Fancy Bear, also called APT28, has been busy this year phishing think tanks.';
    const res = crossReference(input(t, null, '2031-01-10', [actor(t, 'mitre:G0007', 'APT28', 'threat-group', 'RU', 'mitre:G0007', ['Fancy Bear'])], []));
    expect(res.incidents).toEqual([]);
    expect(res.crossReferences).toEqual([]);
  });
});

describe('crossReference: a group named in a new incident', () => {
  // A made-up story: APT28 blamed for a new intrusion a year after the SPD attributions.
  const text = 'Canada on Tuesday blamed hackers working for Russia\'s GRU, the group known as APT28 or Fancy Bear, for an intrusion at a federal shipping agency.';
  const actors = [
    actor(text, 'state:CA', 'Canada', 'state', 'CA', 'iso:CA'),
    actor(text, 'state:RU', 'Russia', 'state', 'RU', 'iso:RU'),
    actor(text, 'agency:ru-gru', 'GRU', 'agency', 'RU', 'agency:ru-gru'),
    actor(text, 'mitre:G0007', 'APT28', 'threat-group', 'RU', 'mitre:G0007', ['Fancy Bear']),
  ];
  const claims = [claim('attribution', 'state:CA', ['state:RU', 'agency:ru-gru', 'mitre:G0007'])];

  it('names no known incident when only the culprit matches and the dates are far apart', () => {
    const res = crossReference(input(text, 'Canada blames Russian intelligence for shipping agency hack', '2025-11-20', actors, claims));
    expect(res.incidents).toEqual([]);
    expect(res.crossReferences.every((x) => x.relation === 'mentioned-in-article'), JSON.stringify(res.crossReferences.map((x) => x.relation))).toBe(true);
  });

  it('still matches the incident the group is known for on its own dates', () => {
    const res = crossReference(input(text, 'Germany blames Russian intelligence for SPD hack', '2024-05-03', actors, claims));
    expect(res.incidents.map((i) => i.id)).toContain('germany-apt28-2024');
  });
});
