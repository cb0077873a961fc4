import type { ExtractedArticle } from '../../lib/types';

/**
 * A made-up wire story that walks the engine's main paths (states, agencies, an official, a
 * threat group, an attribution with estimative wording, a denial, a condemnation, a
 * cross-reference lookup). Analysed once when the worker is idle after starting, so the first
 * real article does not pay for compiling the engine's functions (V8 compiles lazily, on first
 * call): that cost otherwise lands between a reader opening an article and its highlights.
 */
export const WARM_UP_ARTICLE: ExtractedArticle = {
  source: { url: null, title: 'Allies blame state hackers for intrusion at a ministry', site: null, published: '2024-05-02', language: 'en' },
  detected: true,
  detectReasons: [],
  text: [
    'The United Kingdom and the United States on Thursday blamed Russia for a cyber attack on the foreign ministry of an allied country.',
    "Britain's National Cyber Security Centre said it was almost certain that APT28, a group run by Russian military intelligence, was behind the intrusion. \"We will hold them to account,\" Foreign Secretary David Lammy said.",
    'The European Union condemned the campaign and called on Moscow to stop. The Russian embassy in London rejected the accusations as unfounded.',
  ].join('\n\n'),
};
