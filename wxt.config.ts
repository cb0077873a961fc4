import { defineConfig } from 'wxt';

// See README.md "Permissions" for why each one is needed.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifest: ({ browser }) => ({
    name: 'Attribution Lens',
    description:
      'Highlights who blames whom for state cyber activity in news articles, and what other governments said. Runs locally.',
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Turn highlights on or off on this page',
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
