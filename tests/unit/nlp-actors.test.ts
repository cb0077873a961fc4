import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledKb } from '../../lib/kb/bundled';
import { analyzeText } from '../../lib/nlp/pipeline';
import type { Actor, ActorType } from '../../lib/types';

const kb = bundledKb();
const FIXTURES = new URL('../fixtures/articles/', import.meta.url);
const fixture = (slug: string) => readFileSync(new URL(`${slug}.txt`, FIXTURES), 'utf8');
const actorsOf = (text: string) => analyzeText(text, kb).actors;

/** The actor that has a mention written exactly `mention`, if any. */
function byMention(actors: Actor[], mention: string): Actor | undefined {
  return actors.find(a => a.mentions.some(m => m.text === mention));
}
const show = (actors: Actor[]) => actors.map(a => `${a.id} ${a.type} [${a.mentions.map(m => m.text).join('; ')}]`).join('\n');

interface Found {
  label: string;
  text: string;
  /** Mention text as written. */
  mention: string;
  /** Expected actor id, or a partial actor (type, country, kb, name). */
  want: Partial<Actor>;
}

/** Each case: the mention is found and belongs to an actor with these fields. */
function expectFound({ text, mention, want }: Found): void {
  const actors = actorsOf(text);
  const a = byMention(actors, mention);
  expect(a, `no actor mentioned as "${mention}" in:\n${show(actors)}`).toBeDefined();
  expect(a).toMatchObject(want);
}

/** Each case: nothing is mentioned as `mention`. */
function expectNotFound({ text, mention }: { text: string; mention: string }): void {
  const actors = actorsOf(text);
  expect(byMention(actors, mention), show(actors)).toBeUndefined();
}

describe('states', () => {
  it.each<Found>([
    { label: 'full name', text: 'Canada blamed China for the hack of email servers.', mention: 'China', want: { id: 'iso:CN', type: 'state', country: 'CN' } },
    { label: 'abbreviation U.S.', text: 'The U.S. and the UK accused the PRC of hacking.', mention: 'U.S.', want: { id: 'iso:US', type: 'state' } },
    { label: 'abbreviation UK', text: 'The U.S. and the UK accused the PRC of hacking.', mention: 'UK', want: { id: 'iso:GB', type: 'state' } },
    { label: 'abbreviation PRC', text: 'The U.S. and the UK accused the PRC of hacking.', mention: 'PRC', want: { id: 'iso:CN', type: 'state' } },
    { label: 'abbreviation DPRK', text: 'Officials said the DPRK stole cryptocurrency through hacking.', mention: 'DPRK', want: { id: 'iso:KP', type: 'state' } },
    { label: 'short name Britain', text: 'Britain blamed Russia for the cyberattack.', mention: 'Britain', want: { id: 'iso:GB' } },
    { label: 'demonym in government context ("Chinese state-backed hackers")', text: 'Security firms said Chinese state-backed hackers breached the networks of several ministries.', mention: 'Chinese', want: { id: 'iso:CN' } },
    { label: 'demonym before "government"', text: 'The Dutch government said the hackers breached a military network.', mention: 'Dutch', want: { id: 'iso:NL' } },
    { label: 'capital as agent ("Beijing denied")', text: 'Beijing denied the hacking accusations and called them a smear.', mention: 'Beijing', want: { id: 'iso:CN' } },
    { label: 'capital after "called on"', text: 'Canada called on Beijing to stop its malicious cyber activities.', mention: 'Beijing', want: { id: 'iso:CN' } },
    { label: 'capital "Pyongyang has denied"', text: 'Pyongyang has repeatedly denied any involvement in cyberattacks.', mention: 'Pyongyang', want: { id: 'iso:KP' } },
    { label: '"the Kremlin" stands for Russia', text: 'The Kremlin said it had no link to the cyberattack.', mention: 'Kremlin', want: { id: 'iso:RU' } },
  ])('$label', expectFound);

  it.each([
    { label: 'nationality of a runner ("a Kenyan runner")', text: 'A Kenyan runner won the marathon in Beijing on Sunday, ahead of two Ethiopian athletes.', mention: 'Kenyan' },
    { label: 'capital as a place ("in Beijing")', text: 'A Kenyan runner won the marathon in Beijing on Sunday, ahead of two Ethiopian athletes.', mention: 'Beijing' },
    { label: 'capital as a place in a cyber story', text: 'The hacking summit was held in Beijing, where officials discussed malware.', mention: 'Beijing' },
    { label: 'dateline "MOSCOW —"', text: 'MOSCOW — The Kremlin said on Monday that it had no link to the cyberattack on the Czech foreign ministry.', mention: 'MOSCOW' },
    { label: 'dateline "WASHINGTON (Reuters) —"', text: 'WASHINGTON (Reuters) — The FBI said on Monday that hackers breached the networks.', mention: 'WASHINGTON' },
    { label: 'porcelain in lower case ("fine china")', text: 'The museum showed fine china and silver from the palace.', mention: 'china' },
    { label: '"Us" at a sentence start is not the US', text: 'Us and them, the singer said of the hackers.', mention: 'Us' },
  ])('not a state: $label', expectNotFound);

  // Regression test (was a known miss).
  it('"Latin America" is not the United States', () => {
    const actors = actorsOf('Hackers targeted government networks in Europe and Latin America, the FBI said.');
    expect(byMention(actors, 'America')).toBeUndefined();
  });
});

describe('intergovernmental bodies', () => {
  const text = 'The European Union, NATO, the United Nations and the Five Eyes alliance all condemned the cyberattack. The EU said more sanctions would follow.';
  it.each<Found>([
    { label: 'European Union', text, mention: 'The European Union', want: { id: 'io:eu', type: 'intergov' } },
    { label: 'EU', text, mention: 'EU', want: { id: 'io:eu', type: 'intergov' } },
    { label: 'NATO', text, mention: 'NATO', want: { id: 'io:nato', type: 'intergov' } },
    { label: 'United Nations', text, mention: 'the United Nations', want: { id: 'io:un', type: 'intergov' } },
    { label: 'Five Eyes', text, mention: 'Five Eyes alliance', want: { id: 'io:five-eyes', type: 'intergov' } },
  ])('$label', expectFound);
});

describe('agencies', () => {
  it.each<Found>([
    { label: 'FBI', text: 'The FBI, CISA and the UK\'s NCSC said the hackers belonged to GRU Unit 29155.', mention: 'FBI', want: { type: 'agency', country: 'US' } },
    { label: 'CISA', text: 'The FBI, CISA and the UK\'s NCSC said the hackers belonged to GRU Unit 29155.', mention: 'CISA', want: { type: 'agency', country: 'US' } },
    { label: 'NCSC', text: 'The FBI, CISA and the UK\'s NCSC said the hackers belonged to GRU Unit 29155.', mention: 'NCSC', want: { type: 'agency', country: 'GB', name: 'National Cyber Security Centre' } },
    { label: 'military unit "Unit 29155"', text: 'Hackers from Unit 29155 of Russia\'s military intelligence agency targeted power grids.', mention: 'Unit 29155', want: { type: 'agency', country: 'RU' } },
    { label: 'embassy "the Chinese embassy in Washington"', text: 'The Chinese embassy in Washington said the hacking accusations were baseless.', mention: 'Chinese embassy in Washington', want: { type: 'agency', country: 'CN', name: 'Embassy of China in the United States' } },
    { label: 'embassy "the Russian Embassy in Berlin"', text: fixture('denial-germany'), mention: 'Russian Embassy in Berlin', want: { type: 'agency', country: 'RU' } },
    { label: 'possessive embassy with its host capital ("Russia\'s embassy in Ottawa")', text: "Russia's embassy in Ottawa denied the accusations.", mention: 'embassy in Ottawa', want: { type: 'agency', country: 'RU', name: 'Embassy of Russia in Canada' } },
    { label: 'generic form placed by the capital after it ("the Foreign Ministry in Beijing")', text: 'In a statement, the Foreign Ministry in Beijing said the accusations were groundless and urged the United States to stop.', mention: 'Foreign Ministry', want: { type: 'agency', country: 'CN' } },
    { label: 'agency after its possessor ("China\'s Ministry of State Security": the agency)', text: fixture('espionage-attribution'), mention: 'Ministry of State Security', want: { type: 'agency', country: 'CN', name: 'Ministry of State Security' } },
    { label: 'agency after its possessor ("China\'s Ministry of State Security": the state)', text: fixture('espionage-attribution'), mention: 'China', want: { type: 'state', country: 'CN' } },
    { label: 'generic "Foreign Ministry" after "China\'s"', text: "Canada condemned the hacking. China's Foreign Ministry rejected the claims.", mention: 'Foreign Ministry', want: { type: 'agency', country: 'CN' } },
    { label: 'generic "Foreign Ministry" resolved to the country of the sentence before', text: "The hackers targeted Russia's neighbours. The Foreign Ministry in Moscow said the cyberattack claims were fabricated.", mention: 'Foreign Ministry', want: { type: 'agency', country: 'RU' } },
    { label: 'Justice Department', text: fixture('sanctions-indictment'), mention: 'Justice Department', want: { type: 'agency', country: 'US' } },
    { label: 'acronym defined in the text', text: 'The NCSC said the Russian Foreign Intelligence Service (SVR) was behind the SolarWinds hack. The SVR denied it.', mention: 'SVR', want: { type: 'agency', country: 'RU' } },
  ])('$label', expectFound);

  // Regression test (was a known miss).
  it('"Foreign Ministry spokeswoman Maria Zakharova" is Russia\'s ministry', () => {
    expectFound({ label: '', text: fixture('denial-germany'), mention: 'Foreign Ministry', want: { type: 'agency', country: 'RU' } });
  });

  // Regression test (was a known miss).
  it('"The Australian Signals Directorate" is an Australian agency, not the newspaper', () => {
    const actors = actorsOf(fixture('espionage-attribution'));
    expect(actors.find(a => a.type === 'company' && /australian/i.test(a.name)), show(actors)).toBeUndefined();
    const asd = actors.find(a => a.mentions.some(m => m.text.includes('Signals Directorate')));
    expect(asd).toMatchObject({ type: 'agency', country: 'AU' });
  });
});

describe('officials and people', () => {
  it.each<Found & { joined?: string }>([
    { label: 'title before the name, later surname joined', text: 'Foreign Minister Marc Garneau said Canada was concerned about the cyberattack. Garneau said Ottawa would work with allies.', mention: 'Marc Garneau', joined: 'Garneau', want: { type: 'official', country: 'CA' } },
    { label: 'apposition after "said NAME,"', text: '"Russia must stop its cyberattacks," said Josep Borrell, the EU\'s foreign policy chief. Borrell added that the hacking was malicious.', mention: 'Josep Borrell', joined: 'Borrell', want: { type: 'official' } },
    { label: 'middle initial "Antony J. Blinken"', text: 'Secretary of State Antony J. Blinken said the hackers worked for Iran. Blinken added that Tehran must answer for it.', mention: 'Antony J. Blinken', joined: 'Blinken', want: { type: 'official', country: 'US' } },
    { label: 'invented minister found by title', text: 'Foreign Minister Lena Varga of Hungary said the cyberattack was serious. Varga said Budapest would respond.', mention: 'Lena Varga', joined: 'Varga', want: { type: 'official' } },
    { label: 'title "Sen."', text: fixture('sanctions-indictment'), mention: 'Mark Warner', want: { type: 'official', country: 'US' } },
    { label: 'spokesperson with a demonym and ministry before', text: fixture('espionage-attribution'), mention: 'Lin Jian', want: { type: 'official', country: 'CN' } },
    { label: 'Kremlin spokesman', text: fixture('denial-germany'), mention: 'Dmitry Peskov', joined: 'Peskov', want: { type: 'official', country: 'RU' } },
    { label: 'researcher at a security company is a person', text: '"The group stole data from our servers," said Tomas Reyes, a researcher at the security company ESET.', mention: 'Tomas Reyes', want: { type: 'person' } },
    { label: 'researcher before the company (apposition first)', text: fixture('espionage-attribution'), mention: 'Mara Jensen', want: { type: 'person' } },
    { label: 'chief executive is a person, not an official', text: fixture('negative-ransomware-retailer'), mention: 'Pieter de Graaf', want: { type: 'person' } },
  ])('$label', c => {
    expectFound(c);
    if (c.joined) {
      const actors = actorsOf(c.text);
      expect(byMention(actors, c.joined), show(actors)).toBe(byMention(actors, c.mention));
    }
  });

  // Regression test (was a known miss).
  it('"Foreign Minister Lena Varga of Hungary" belongs to Hungary', () => {
    expectFound({ label: '', text: 'Foreign Minister Lena Varga of Hungary said the cyberattack on the ministry was serious.', mention: 'Lena Varga', want: { type: 'official', country: 'HU' } });
  });

  // Regression test (was a known miss).
  it('"In Washington," is not a person', () => {
    const actors = actorsOf(fixture('negative-trade-summit'));
    expect(actors.find(a => /^in washington$/i.test(a.name)), show(actors)).toBeUndefined();
  });

  // Regression test (was a known miss).
  it('"Li said" joins "Chinese Premier Li Qiang" (family name first)', () => {
    const actors = actorsOf(fixture('negative-trade-summit'));
    expect(byMention(actors, 'Li'), show(actors)).toBe(byMention(actors, 'Li Qiang'));
    expect(byMention(actors, 'Li')).toBeDefined();
  });
});

describe('threat groups', () => {
  const aliases = 'Researchers said APT40, also called Leviathan or Gingham Typhoon, hacked the networks. Others refer to it as APT 40 or Advanced Persistent Threat 40.';
  it.each<Found>([
    { label: 'APT40', text: aliases, mention: 'APT40', want: { type: 'threat-group', country: 'CN', kb: 'mitre:G0065' } },
    { label: 'Leviathan (ordinary word, written case, cyber context)', text: aliases, mention: 'Leviathan', want: { kb: 'mitre:G0065' } },
    { label: 'Gingham Typhoon (Microsoft name)', text: aliases, mention: 'Gingham Typhoon', want: { kb: 'mitre:G0065' } },
    { label: 'spelled "APT 40"', text: aliases, mention: 'APT 40', want: { kb: 'mitre:G0065' } },
    { label: 'spelled "Advanced Persistent Threat 40"', text: aliases, mention: 'Advanced Persistent Threat 40', want: { kb: 'mitre:G0065' } },
    { label: 'unknown name in the Typhoon scheme → China', text: 'Microsoft said a hacking group it calls Glass Typhoon breached email servers at three ministries.', mention: 'Glass Typhoon', want: { type: 'threat-group', country: 'CN' } },
    { label: 'unknown name in the Sandstorm scheme → Iran', text: 'Microsoft said a hacking group it calls Marble Sandstorm breached email servers at three ministries.', mention: 'Marble Sandstorm', want: { type: 'threat-group', country: 'IR' } },
    { label: 'Microsoft name of a known group (Cadet Blizzard)', text: fixture('joint-advisory'), mention: 'Cadet Blizzard', want: { type: 'threat-group', country: 'RU', kb: 'mitre:G1003' } },
    { label: 'Lazarus Group', text: fixture('sanctions-indictment'), mention: 'Lazarus Group', want: { type: 'threat-group', country: 'KP', kb: 'mitre:G0032' } },
  ])('$label', expectFound);

  it('all spellings of APT40 are one actor', () => {
    const actors = actorsOf(aliases).filter(a => a.type === 'threat-group');
    expect(actors).toHaveLength(1);
    expect(actors[0].mentions.map(m => m.text)).toEqual(['APT40', 'Leviathan', 'Gingham Typhoon', 'APT 40', 'Advanced Persistent Threat 40']);
  });

  const cyber = 'The Lazarus hackers stole cryptocurrency through phishing. The Patchwork group and Sidewinder hackers sent malware to Pakistani officials. Turbine Panda hacked aerospace companies.';
  it.each<Found>([
    { label: 'Lazarus', text: cyber, mention: 'Lazarus', want: { kb: 'mitre:G0032', country: 'KP' } },
    { label: 'Patchwork', text: cyber, mention: 'Patchwork', want: { kb: 'mitre:G0040', country: 'IN' } },
    { label: 'Sidewinder', text: cyber, mention: 'Sidewinder', want: { kb: 'mitre:G0121', country: 'IN' } },
    { label: 'Turbine Panda', text: cyber, mention: 'Turbine Panda', want: { type: 'threat-group', country: 'CN' } },
  ])('ordinary-word alias in a cyber text, written case: $label', expectFound);

  it.each([
    { label: 'Bible', text: 'Jesus wept, and then Lazarus rose from the tomb, according to the Gospel of John. Lazarus had been dead for four days.' },
    { label: 'football and racing', text: "Turbine Potsdam beat Wolfsburg 2-1 in the women's Bundesliga on Sunday, and Sidewinder, a racehorse, won at Ascot." },
    { label: 'recipe', text: 'For the patchwork salad, toss the leaves with oil. Patchwork Kitchen recommends a splash of lemon and a little turbine-dried salt.' },
    { label: 'lower case in a cyber text', text: "Security researchers said the lazarus malware and a patchwork of hacking tools hit the bank's servers." },
  ])('no threat group in a non-cyber or lower-case use: $label', ({ text }) => {
    const actors = actorsOf(text);
    expect(actors.filter(a => a.type === 'threat-group'), show(actors)).toEqual([]);
  });

  it('a capitalized word before a property name of plain objects is no vendor-scheme group', () => {
    const text = 'Hackers breached the servers, malware researchers said. Kevin Constructor and Anna Valueof run the cyber security team.';
    const actors = actorsOf(text);
    expect(actors.filter(a => a.type === 'threat-group'), show(actors)).toEqual([]);
  });

  // Regression test (was a known miss).
  it('"Fancy Bear" is the same actor as APT28', () => {
    const actors = actorsOf(fixture('denial-germany'));
    expect(byMention(actors, 'Fancy Bear')?.kb).toBe('mitre:G0007');
  });
});

describe('companies', () => {
  it.each<Found>([
    { label: 'Microsoft', text: 'The hackers used flaws in Microsoft Exchange and Fortinet devices, Google and CrowdStrike said.', mention: 'Microsoft', want: { type: 'company' } },
    { label: 'Fortinet', text: 'The hackers used flaws in Microsoft Exchange and Fortinet devices, Google and CrowdStrike said.', mention: 'Fortinet', want: { type: 'company' } },
    { label: 'CrowdStrike', text: 'The hackers used flaws in Microsoft Exchange and Fortinet devices, Google and CrowdStrike said.', mention: 'CrowdStrike', want: { type: 'company' } },
    { label: 'Mandiant', text: fixture('espionage-attribution'), mention: 'Mandiant', want: { type: 'company' } },
    { label: 'ESET', text: fixture('negative-ransomware-retailer'), mention: 'ESET', want: { type: 'company' } },
  ])('$label', expectFound);
});

describe('fixtures', () => {
  const slugs = readdirSync(FIXTURES).filter(f => f.endsWith('.txt')).map(f => f.replace(/\.txt$/, ''));

  it('there are six fixture articles', () => {
    expect(slugs.sort()).toEqual(['denial-germany', 'espionage-attribution', 'joint-advisory', 'negative-ransomware-retailer', 'negative-trade-summit', 'sanctions-indictment']);
  });

  it.each(slugs)('%s: every mention is the text at its offsets, and actors are well formed', slug => {
    const text = fixture(slug);
    const actors = actorsOf(text);
    const types: ActorType[] = ['state', 'intergov', 'agency', 'official', 'threat-group', 'company', 'person'];
    expect(new Set(actors.map(a => a.id)).size).toBe(actors.length);
    for (const a of actors) {
      expect(types).toContain(a.type);
      expect(a.mentions.length).toBeGreaterThan(0);
      for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    // no two mentions overlap
    const all = actors.flatMap(a => a.mentions).sort((x, y) => x.start - y.start);
    for (let i = 1; i < all.length; i++) expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].end);
  });

  it.each([
    { slug: 'espionage-attribution', want: ['iso:AU', 'iso:CN', 'iso:US', 'iso:GB', 'iso:NZ', 'mitre:G0065', 'official:au-penny-wong', 'official:cn-lin-jian'] },
    { slug: 'joint-advisory', want: ['iso:US', 'iso:NL', 'iso:DE', 'iso:UA', 'agency:us-fbi', 'agency:us-cisa', 'agency:us-nsa', 'agency:gb-ncsc', 'agency:ca-cse', 'co:microsoft'] },
    { slug: 'denial-germany', want: ['iso:RU', 'iso:DE', 'mitre:G0007', 'io:eu', 'official:ru-dmitry-peskov', 'official:ru-maria-zakharova', 'official:de-annalena-baerbock'] },
    { slug: 'sanctions-indictment', want: ['iso:US', 'iso:KP', 'mitre:G0032', 'official:us-antony-blinken', 'official:us-mark-warner', 'official:us-john-carlin'] },
  ])('$slug: the actors a reader would list are found', ({ slug, want }) => {
    const ids = actorsOf(fixture(slug)).map(a => a.id);
    for (const id of want) expect(ids, id).toContain(id);
  });

  it('the state-free negative finds no state, no threat group', () => {
    const actors = actorsOf(fixture('negative-ransomware-retailer'));
    expect(actors.filter(a => a.type === 'state' || a.type === 'threat-group'), show(actors)).toEqual([]);
  });

  it('"in Beijing" at the end of the summit story is not a mention of China', () => {
    const text = fixture('negative-trade-summit');
    const china = actorsOf(text).find(a => a.id === 'iso:CN')!;
    const place = text.lastIndexOf('in Beijing') + 3;
    expect(china.mentions.map(m => m.start)).not.toContain(place);
    expect(china.mentions.map(m => m.text)).toContain('Beijing'); // "Beijing says it is neutral"
  });
});
