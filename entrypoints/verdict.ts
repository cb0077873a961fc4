import { defineUnlistedScript } from '#imports';
import { detectorVerdict } from '../lib/page/handoff';

/**
 * Injected by the background (scripting.executeScript / tabs.executeScript) into the extension's
 * world of a page when it needs the detector's verdict: the popup opened on a page that sent
 * nothing. Its value is the script's result: `{ url, candidate }`, or null if no detector ran.
 */
export default defineUnlistedScript(() => detectorVerdict());
