import { defineConfig } from 'wxt';

/**
 * The content scripts get no webextension-polyfill (≈ 10 kB, parsed in every page they run in):
 * in their builds, `wxt/browser` (which the polyfill module aliases, and which WXT's
 * ContentScriptContext and lib/messaging/client import) resolves to the native namespace:
 * Firefox's promise-based `browser`, else Chrome's `chrome` (MV3: promises without a callback).
 * They only send messages, answer through `sendResponse` and read `runtime.id`, which both
 * browsers do natively. The background, popup and options keep the polyfill. The detector
 * (entrypoints/detector/) is built the same way.
 */
function nativeBrowserInContentScripts() {
  const shim = '\0al-native-browser';
  let contentScript = false;
  return {
    name: 'attribution-lens:native-browser-in-content-scripts',
    enforce: 'pre' as const,
    configResolved(config: { build: { lib?: false | { entry?: unknown } } }) {
      const lib = config.build.lib;
      contentScript = !!lib && /\.content[/.\\]|[/\\]detector[/\\]/.test(JSON.stringify(lib.entry ?? ''));
    },
    resolveId(source: string) {
      if (!contentScript) return null;
      return source === 'wxt/browser' || source === '@wxt-dev/webextension-polyfill/browser' ? shim : null;
    },
    load(id: string) {
      if (id !== shim) return null;
      // Resolved on first use, not on load: the first read of `runtime` costs about 0.5 ms, and
      // the detector never uses the API on pages that are not articles.
      return [
        'const g = globalThis;',
        'let api;',
        'const resolve = () => (api ??= g.browser?.runtime?.id ? g.browser : g.chrome);',
        'export const browser = new Proxy({}, { get: (_target, key) => resolve()[key] });',
      ].join('\n');
    },
  };
}

/**
 * The always-on detector's entry, in production builds, without WXT's wrapper of an unlisted
 * script (node_modules/wxt/dist/virtual/unlisted-script-entrypoint.mjs): its `try` catches an
 * error of `main` only to log it, with a logger that prints nothing in production, and throws it
 * again. That is ≈ 0.4 KB of the detector's 20 KB, evaluated on every page; this is the same call
 * without it. Development builds keep WXT's wrapper and its logs.
 */
function detectorEntryWithoutWrapper() {
  const entry = /^\0virtual:wxt-unlisted-script-entrypoint\?(.*[/\\]entrypoints[/\\]detector[/\\]index\.ts)$/;
  let production = false;
  return {
    name: 'attribution-lens:detector-entry-without-wrapper',
    enforce: 'pre' as const,
    configResolved(config: { mode: string }) {
      production = config.mode === 'production';
    },
    load(id: string) {
      const match = production ? entry.exec(id) : null;
      if (!match) return null;
      return [
        `import definition from ${JSON.stringify(match[1])};`,
        "import { initPlugins } from 'virtual:wxt-plugins';",
        'initPlugins();',
        'export default definition.main();',
      ].join('\n');
    },
  };
}

// See docs/permissions.md for why each permission is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [nativeBrowserInContentScripts(), detectorEntryWithoutWrapper()] }),
  hooks: {
    // The always-on detector is a plain script (entrypoints/detector/), declared here with the
    // highlight stylesheet (entrypoints/highlights.content.css).
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['http://*/*', 'https://*/*'], run_at: 'document_idle', js: ['detector.js'], css: ['content-scripts/highlights.css'] },
      ];
    },
  },
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
