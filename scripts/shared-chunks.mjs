// The browser's first load in fewer, larger script files (an Astro integration, used in
// astro.config.mjs). Each file is compressed on its own, so fifteen small modules that every page
// fetches cost far more as fifteen files than as two; this names two chunks by hand, each holding
// only modules that are fetched together wherever one of them is:
// - base: the parameter schema and its URL reading, number formatting, the page's words and
//   language, retries, the message box and the view tree; every page's scripts start from these;
// - kit: the figure life cycle, the parameter store and the figure registry, with the look-up of
//   the cost model's refusals that every figure's code imports; every page with a figure fetches
//   all of them, and pages without one (the calculator, references, exercise sheets) none. The
//   kit's own words are not here: only a reader's action reads them (kit.en.register.ts).
// Other modules stay where Rollup puts them (onlyExplicitManualChunks: a module named here does not
// drag its imports in). And dynamic imports carry no list of the files each one will need
// (modulePreload: false): those lists were written into the pages' first scripts, a kilobyte and
// more, for code that arrives later anyway, when a figure or block comes near.
import { sep } from 'node:path';

const GROUPS = {
  base: [
    '\0vite/preload-helper.js',
    'src/lib/params.ts',
    'src/lib/devices.ts',
    'src/lib/divisors.ts',
    'src/lib/format.ts',
    'src/lib/errors.ts',
    'src/lib/lazy.ts',
    'src/lib/locale.ts',
    'src/components/figure-kit/page-query.ts',
    'src/components/figure-kit/svg.ts',
    'src/components/figure-kit/lazy.ts',
    'src/components/ui/scroll-regions.ts',
    'src/components/ui/message-box.ts',
    'src/i18n/page-words.ts',
    'src/i18n/page-lang.ts',
  ],
  kit: [
    'src/components/figure-kit/client.ts',
    'src/components/figure-kit/store.ts',
    'src/components/figure-kit/registry.ts',
    'src/components/figure-kit/frame.ts',
    'src/components/figure-kit/term-links.ts',
    'src/components/figure-kit/ghosts.ts',
    'src/components/figure-kit/katex-options.ts',
    'src/components/figure-kit/ids.ts',
    'src/components/figure-kit/lang.ts',
    'src/i18n/registry.ts',
    'src/i18n/figures.ts',
    'src/i18n/kit.ts',
    'src/i18n/params.ts',
    'src/i18n/params.en.ts',
    'src/i18n/figures.load.ts',
    'src/i18n/errors.ts',
    'src/lib/memo.ts',
    'node_modules/nanostores/',
  ],
};

/** The chunk a module goes to by hand, or undefined (Rollup decides). */
export function sharedChunk(id) {
  const path = id.split('?')[0].split(sep).join('/');
  for (const [name, files] of Object.entries(GROUPS)) if (files.some((f) => (f.endsWith('/') ? path.includes(`/${f}`) : path === f || path.endsWith(`/${f}`)))) return name;
  return undefined;
}

export default function sharedChunks() {
  return {
    name: 'shared-chunks',
    hooks: {
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'client') return;
        vite.build ??= {};
        vite.build.modulePreload = false;
        vite.build.rollupOptions ??= {};
        const output = (vite.build.rollupOptions.output ??= {});
        for (const o of Array.isArray(output) ? output : [output]) {
          const before = o.manualChunks;
          o.onlyExplicitManualChunks = true;
          o.manualChunks = (id, meta) => sharedChunk(id) ?? (typeof before === 'function' ? before(id, meta) : undefined);
        }
      },
    },
  };
}
