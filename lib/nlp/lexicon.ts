/**
 * Word lists the language rules share. Lower-case; single tokens unless said otherwise.
 * Grammar, not the wording of any article: verbs of saying, blaming, denying; nouns of government.
 */

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Nouns after a demonym that make it denote the state ("Chinese government", "Russian hackers"). */
export const GOV_NOUNS = set(`
  government governments govt state regime authorities authority officials official diplomats diplomat diplomacy
  embassy embassies consulate ministry ministries military army navy air forces troops intelligence spies spy
  cyberspies spymasters hackers hacker hacking cyber cyberattack cyberattacks cyberattackers attackers actors
  groups group entities operatives agents agencies agency leadership leaders leader president premier
  side spokesman spokeswoman spokesperson counterpart counterparts foreign defence defense interior security
  services apt threat threats campaign campaigns operation operations espionage interference propaganda
  ambassador ambassadors parliament lawmakers legislators envoy envoys officers officer units unit gru fsb svr
  mss pla irgc disinformation influence interests involvement complicity responsibility culpability aggression
  sponsored backed linked affiliated nexus proxies proxy contractors contract military-linked
`);

/** Verbs after a capital that make it an agent ("Beijing denied", "Moscow has"). */
export const AGENT_VERBS = set(`
  said says say denied denies deny rejected rejects dismissed dismisses has have had is was will would
  accused accuses blamed blames called calls urged urges condemned condemns responded responds retaliated
  warned warns insisted insists maintains maintained claims claimed must should did does could may might
  also has's hit struck vowed vows threatened threatens sees saw wants wanted considers considered
  announced announces expelled expels summoned summons sanctioned sanctions refused refuses argues argued
  views viewed believes believed sought seeks tried tries launched launches carried conducted orchestrated
  continues continued remains remained appears appeared plans planned attributed attributes recalled
  summoned identified named pinned traced
`);

/** Prepositions/verbs before a capital that make it an agent ("called on Beijing", "sanctions against Moscow"). */
export const AGENT_BEFORE = set(`on accused accusing blamed blaming urged urging against by warned warning told telling pressed pressing sanctioned sanctioning condemned condemning criticised criticized`);

/** Nouns after a possessive capital ("Beijing's response", "Moscow's hackers"). */
export const AGENT_POSSESSED = set(`
  response denial denials claims claim hackers hacking cyber spies intelligence government military
  foreign embassy ministry position stance role involvement responsibility behaviour behavior actions
  activities activity campaign operations reaction retaliation intentions ambitions aggression
`);

/** Cyber vocabulary: the relevance signal and the "cyber context" for ordinary-word aliases. */
export const CYBER_TERMS = set(`
  cyber cyberattack cyberattacks cyber-attack cyberespionage cyberspace cybersecurity cyberspies cybercrime
  hack hacks hacked hacker hackers hacking hackings malware ransomware spyware wiper botnet botnets
  phishing spear-phishing ddos intrusion intrusions breach breaches breached exploit exploited exploits
  exploiting vulnerability vulnerabilities zero-day backdoor backdoors trojan apt compromise compromised
  espionage infiltrated infiltrate networks servers exfiltrated exfiltration credentials implant implants
  cyberwarfare cyber-warfare cyberweapons infostealer worm wifi wi-fi network
`);

/** Words that, next to a cyber term, give an ordinary-word alias its cyber sense ("the Lazarus group"). */
export const THREAT_CUES = set(`group groups hackers hacker apt actor actors gang crew team campaign campaigns operation operations malware threat known dubbed called tracked named unit`);

/** Verbs of saying (reporting clauses). */
export const SAY_VERBS = set(`
  said says say saying stated states stating told tells announced announces added adds noted notes wrote writes
  declared declares claimed claims asserted asserts insisted insists explained explains confirmed confirms
  revealed reveals disclosed disclosed alleged alleges argued argues warned warns stressed stresses emphasized
  describing detailing highlighting echoed echoing stressing noting insisting arguing claiming emphasised emphasizes emphasises highlighted highlights mentioned mentions acknowledged acknowledges
  concluded concludes reported reports indicated indicates described describes remarked responded responds
  replied replies commented comments tweeted believes believed assessed
  assesses judged judges determined found estimated estimates
`);

/** A verb of saying as written in running text (lower case: "States" is not "states"). */
export function isSayVerb(t: { text: string; lower: string } | undefined): boolean {
  return !!t && t.text === t.lower && SAY_VERBS.has(t.lower);
}

/** Government titles: a name after one of these is an official. Multi-word titles use the last word too. */
export const GOV_TITLES = set(`
  president vice-president premier chancellor minister ministers secretary undersecretary under-secretary
  spokesman spokeswoman spokesperson ambassador envoy senator sen rep representative congressman congresswoman
  lawmaker legislator mp governor mayor general gen admiral adm commander colonel col lieutenant lt major maj
  director chief head attorney prosecutor commissioner king queen prince emir sheikh chairman chairwoman
  speaker deputy counsellor adviser advisor coordinator diplomat consul official officer tsar czar
  taoiseach councillor councilor justice judge sheriff marshal
`);

/** Private titles: a name after one of these is a person, not an official. */
export const PRIVATE_TITLES = set(`
  researcher researchers analyst analysts ceo cto ciso founder co-founder professor prof expert experts
  executive engineer journalist reporter correspondent scientist consultant fellow lawyer hacker author
`);

/** Honorifics before a name. */
export const HONORIFICS = set(`mr mrs ms miss dr sir dame lord lady mx`);

/** Words that look capitalized at a sentence start but never begin a name. */
export const NOT_NAME = set(`
  the a an in on at for from to of by with as and or but if when while after before since during this that these
  those it its he she they we i you his her their our my your there here what which who whom whose why how
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today yesterday tomorrow last next new however meanwhile also some
  many most more several all both each every no not one two three four five six seven eight nine ten
  according although though because despite following under over about against between among into through
  officials authorities hackers government ministry state department agency news reuters read related
  western eastern northern southern european asian african american chinese russian iranian british
  mr mrs ms dr sir
`);
