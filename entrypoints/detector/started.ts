import { mark } from '../../lib/page/timing';

// Imported first by the detector, so this runs before the other modules are evaluated: the
// measured span of the always-on script includes its whole evaluation.
mark('al:detector-start');
