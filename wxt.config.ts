import { defineConfig } from 'wxt';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * `@mozilla/readability`'s index requires both Readability.js and Readability-readerable.js
 * (CommonJS: no tree shaking), so importing `isProbablyReaderable` from it would put all of
 * Readability (~35 kB) into the always-on detector. For lib/page/detect.ts only, resolve the
 * package to a tiny module that re-exports the readerable check alone.
 */
function readerableOnly() {
  const shim = '\0al-readerable-only';
  return {
    name: 'attribution-lens:readerable-only',
    enforce: 'pre' as const,
    resolveId(source: string, importer?: string) {
      if (source === '@mozilla/readability' && importer && path.basename(importer) === 'detect.ts') return shim;
      return null;
    },
    load(id: string) {
      if (id !== shim) return null;
      const file = require.resolve('@mozilla/readability/Readability-readerable.js');
      return `import isProbablyReaderable from ${JSON.stringify(file)}; export { isProbablyReaderable };`;
    },
  };
}

// See docs/permissions.md for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [readerableOnly()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Attribution Lens',
    description:
      'Highlights who blames whom for state cyber activity in news articles, and what other governments said. Runs locally.',
    // Host access to http/https comes from the content scripts' matches (the runtime-registered
    // article script adds them to host_permissions): needed to inject it on detected pages.
    // Firefox MV2 has no `scripting`: it injects with tabs.executeScript under the host permission.
    permissions: manifestVersion === 3 ? ['storage', 'contextMenus', 'scripting'] : ['storage', 'contextMenus'],
    // Extension pages and the worker: own scripts only, no eval, no plugins, no network beyond the
    // extension itself (default-src). WXT turns this into MV2's string form for Firefox.
    content_security_policy: {
      extension_pages: "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    },
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlights on or off on this page',
      },
      'next-highlight': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Go to the next highlight and show its card',
      },
      'previous-highlight': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Go to the previous highlight and show its card',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'attribution-lens@attribution-lens.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
