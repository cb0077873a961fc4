import type { FirstDrawing } from '../../lib/messaging/protocol';
import { anchorInSlices } from '../../lib/page/anchor-slices';
import type { ContainerText } from '../../lib/page/extract-core';
import { keepDrawing } from '../../lib/page/handoff';
import { isDarkBackground, registerGroups, schemePrefix, type KnownBackground } from '../../lib/page/highlighter';
import type { Anchor } from '../../lib/page/anchor';
import { groupsOf, targetsOf, type Drawn } from '../../lib/page/targets';
import { mark, markPainted } from '../../lib/page/timing';

/** The longest the article script waits for the frame that shows the first drawing. */
const FRAME_WAIT_MS = 100;

/**
 * The detector's first drawing of a relevant article: the background's spans anchored in the
 * article container the detector has just read, registered in `CSS.highlights` as the article
 * script would register them. No cards, toggles or re-runs: the article script, asked for right
 * after, takes the highlights over (`takeDrawing`). The caller checks for the Highlight API
 * (pages without it wait for the article script).
 */
export async function drawFirst(
  url: string,
  found: ContainerText,
  answer: FirstDrawing,
  anchor: Promise<Anchor>,
  background?: KnownBackground,
): Promise<void> {
  const targets = targetsOf(answer.report);
  if (!targets.length || !found.region.isConnected) return;
  // A navigation while anchoring (a single-page app) leaves the drawing to the article script.
  const ranges = await anchorInSlices(await anchor, targets, () => location.href !== url);
  if (!ranges) return;
  mark('al:highlight-start');
  const drawn: Drawn[] = [];
  ranges.forEach((range, i) => range && drawn.push({ range, group: targets[i].group }));
  const dark = isDarkBackground(drawn[0]?.range.startContainer.parentElement ?? document.body, background);
  const names = registerGroups(window, groupsOf(drawn, answer.settings), schemePrefix(answer.settings.scheme, dark));
  keepDrawing({ url, names, targets, ranges });
  mark('al:highlight-end');
  // The article script is asked for after the frame that shows these highlights (or
  // FRAME_WAIT_MS in a hidden tab, which renders no frame): its injection and evaluation would
  // otherwise hold that frame back.
  await Promise.race([markPainted(), new Promise(resolve => setTimeout(resolve, FRAME_WAIT_MS))]);
}
