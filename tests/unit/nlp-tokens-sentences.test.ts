import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../lib/nlp/sentences';
import { startsUpper, tokenize } from '../../lib/nlp/tokens';

/** The sentences of `text` as strings, cut from the text by their offsets. */
function sentences(text: string): string[] {
  return splitSentences(text).map(s => text.slice(s.start, s.end));
}

describe('tokenize', () => {
  it.each([
    { label: 'initialism U.S. is one token', text: 'U.S. officials said', tokens: ['U.S.', 'officials', 'said'] },
    { label: 'initialism U.K. is one token', text: 'the U.K. government', tokens: ['the', 'U.K.', 'government'] },
    { label: 'possessive splits off', text: "China's ministry", tokens: ['China', "'s", 'ministry'] },
    { label: 'curly possessive splits off', text: 'Russia’s GRU', tokens: ['Russia', '’s', 'GRU'] },
    { label: 'hyphenated word is three tokens', text: 'state-backed hackers', tokens: ['state', '-', 'backed', 'hackers'] },
    { label: 'decimal stays whole', text: '$1.3 billion', tokens: ['$', '1.3', 'billion'] },
    { label: 'inner apostrophe stays whole', text: "O'Neil isn't", tokens: ["O'Neil", "isn't"] },
    { label: 'group code stays whole', text: 'APT40 and Storm-0558', tokens: ['APT40', 'and', 'Storm', '-', '0558'] },
    { label: 'em dash after a dateline', text: 'OTTAWA — Canada', tokens: ['OTTAWA', '—', 'Canada'] },
  ])('$label', ({ text, tokens }) => {
    expect(tokenize(text).map(t => t.text)).toEqual(tokens);
  });

  it.each([
    { label: 'initialism', text: 'U.S.', kind: 'init' },
    { label: 'word', text: 'Beijing', kind: 'word' },
    { label: 'number', text: '29155', kind: 'word' },
    { label: 'comma', text: ',', kind: 'punct' },
  ])('kind of a token: $label', ({ text, kind }) => {
    expect(tokenize(text)[0].kind).toBe(kind);
  });

  it('lower-cases and folds curly apostrophes for lookups', () => {
    const t = tokenize('Russia’s APT28');
    expect(t.map(x => x.lower)).toEqual(['russia', "'s", 'apt28']);
  });

  it('every token is the slice of the text at its offsets, including astral characters and curly quotes', () => {
    const text = 'WASHINGTON (Reuters) — “We are confident,” said Antony J. Blinken 🇺🇸, adding that Russia’s hackers stole $1.5 billion.';
    const toks = tokenize(text);
    expect(toks.length).toBeGreaterThan(15);
    for (const t of toks) expect(text.slice(t.start, t.end)).toBe(t.text);
    for (let i = 1; i < toks.length; i++) expect(toks[i].start).toBeGreaterThanOrEqual(toks[i - 1].end);
  });
});

describe('splitSentences', () => {
  it.each([
    {
      label: 'U.S. inside a sentence does not end it',
      text: 'Officials in the U.S. said more sanctions would follow. The embassy did not comment.',
      want: ['Officials in the U.S. said more sanctions would follow.', 'The embassy did not comment.'],
    },
    {
      label: 'U.S. at the end of a sentence before "The"',
      text: 'The group hacked networks in the U.S. The FBI said so.',
      want: ['The group hacked networks in the U.S.', 'The FBI said so.'],
    },
    {
      label: 'title Gen. before a name',
      text: 'Gen. Paul Nakasone testified on Tuesday. He said little.',
      want: ['Gen. Paul Nakasone testified on Tuesday.', 'He said little.'],
    },
    {
      label: 'title Sen. before a name',
      text: 'Sen. Mark Warner spoke first. Others followed.',
      want: ['Sen. Mark Warner spoke first.', 'Others followed.'],
    },
    {
      label: 'month abbreviation Sept. before a day',
      text: 'The advisory was dated Sept. 5 and named the group. It was signed by eight countries.',
      want: ['The advisory was dated Sept. 5 and named the group.', 'It was signed by eight countries.'],
    },
    {
      label: 'middle initial in "Antony J. Blinken"',
      text: 'Secretary of State Antony J. Blinken said the theft was serious. He urged partners to act.',
      want: ['Secretary of State Antony J. Blinken said the theft was serious.', 'He urged partners to act.'],
    },
    {
      label: 'decimals',
      text: 'The hackers stole $1.3 billion in 2.5 days. Nobody noticed.',
      want: ['The hackers stole $1.3 billion in 2.5 days.', 'Nobody noticed.'],
    },
    {
      label: 'closing quote after the period belongs to the sentence',
      text: 'He called the report “baseless.” China denied it.',
      want: ['He called the report “baseless.”', 'China denied it.'],
    },
    {
      label: 'straight closing quote after the period',
      text: 'He called the report "baseless." China denied it.',
      want: ['He called the report "baseless."', 'China denied it.'],
    },
    {
      label: 'quote with the speaker after, then a quoted sentence',
      text: '“We will respond,” he said. “The attack crossed a line.”',
      want: ['“We will respond,” he said.', '“The attack crossed a line.”'],
    },
    {
      label: 'Washington, D.C. inside a sentence',
      text: 'He visited Washington, D.C. on Monday. Then he left.',
      want: ['He visited Washington, D.C. on Monday.', 'Then he left.'],
    },
    {
      label: 'a paragraph break ends a sentence without a period',
      text: 'Russia denies hacking claims\n\nThe Kremlin said on Monday it was not involved. It gave no details.',
      want: ['Russia denies hacking claims', 'The Kremlin said on Monday it was not involved.', 'It gave no details.'],
    },
    {
      label: 'question and exclamation marks',
      text: 'Who was behind it? Officials would not say! The inquiry continues.',
      want: ['Who was behind it?', 'Officials would not say!', 'The inquiry continues.'],
    },
  ])('$label', ({ text, want }) => {
    expect(sentences(text)).toEqual(want);
  });

  // "no." ends a sentence; "No." is a number only before a digit
  it('"said no." ends a sentence', () => {
    expect(sentences('Dr. Jane Roe, a researcher, said no. She left.')).toEqual(['Dr. Jane Roe, a researcher, said no.', 'She left.']);
  });

  it('numbers paragraphs and keeps offsets into the text', () => {
    const text = 'OTTAWA — Canada blamed China on Monday.\n\n“This is unacceptable,” the minister said. She left.\n\nBeijing denied it.';
    const got = splitSentences(text);
    expect(got.map(s => s.paragraph)).toEqual([0, 1, 1, 2]);
    for (const s of got) {
      const slice = text.slice(s.start, s.end);
      expect(slice).toBe(slice.trim());
      expect(slice).not.toContain('\n');
    }
  });

  it.each([
    { label: 'a sentence wholly inside quotes', text: '“The attack crossed a line.”', inQuote: true, hasQuote: true },
    { label: 'a quote followed by its reporting clause', text: '“We will respond,” he said.', inQuote: false, hasQuote: true },
    { label: 'a sentence with a quoted word', text: 'He called the report “baseless.”', inQuote: false, hasQuote: true },
    { label: 'no quotation marks', text: 'Canada blamed China.', inQuote: false, hasQuote: false },
  ])('quotation state: $label', ({ text, inQuote, hasQuote }) => {
    const [s] = splitSentences(text);
    expect({ inQuote: s.inQuote, hasQuote: s.hasQuote }).toEqual({ inQuote, hasQuote });
  });

  it('splits a long text of repeated abbreviation-laden sentences one sentence each', () => {
    const text = 'Sen. Mark Warner said the U.S. would respond on Sept. 5. '.repeat(2_000);
    const got = splitSentences(text);
    expect(got).toHaveLength(2_000);
    expect(text.slice(got[1999].start, got[1999].end)).toBe('Sen. Mark Warner said the U.S. would respond on Sept. 5.');
  });
});

describe('startsUpper', () => {
  it('answers as /^\\p{Lu}/u for every character (the ASCII shortcut included)', () => {
    const upper = /^\p{Lu}/u;
    const differ: number[] = [];
    for (let cp = 0; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = `${String.fromCodePoint(cp)}x`;
      if (startsUpper(s) !== upper.test(s)) differ.push(cp);
    }
    expect(differ).toEqual([]);
    expect(startsUpper('China')).toBe(true);
    expect(startsUpper('Élysée')).toBe(true);
    expect(startsUpper('china')).toBe(false);
    expect(startsUpper('')).toBe(false);
  });
});
