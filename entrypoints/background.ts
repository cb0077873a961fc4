import { defineBackground } from '#imports';

export default defineBackground(() => {
  // wired up by the extension issue
});
