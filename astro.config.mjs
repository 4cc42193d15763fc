// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import remarkDisplayMath from './src/markdown/remark-display-math.mjs';
import rehypeTwinIds from './src/markdown/rehype-twin-ids.mjs';
import rehypeKatexLighter from './src/markdown/rehype-katex-lighter.mjs';
import katexFonts from './scripts/katex-fonts.mjs';
import tfjsNames from './scripts/tfjs-names.mjs';
import partStyles from './scripts/part-styles.mjs';
import sharedChunks from './scripts/shared-chunks.mjs';

// Math is rendered to HTML at build time; the browser gets KaTeX's CSS and fonts, never its JavaScript
// (except the small lazy chunk that re-typesets a figure's formula after a slider moves). The fonts
// are trimmed to woff2 and split into subsets for the site's math (scripts/katex-fonts.mjs).
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // A separate output folder lets two builds run side by side (tests, benchmarks).
  outDir: process.env.SEPARABLE_OUT_DIR ?? './dist',
  cacheDir: process.env.SEPARABLE_CACHE_DIR ?? './node_modules/.astro',
  devToolbar: { enabled: false },
  markdown: {
    remarkPlugins: [remarkMath, remarkDisplayMath],
    rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeKatexLighter, rehypeTwinIds],
  },
  integrations: [mdx(), katexFonts(), partStyles(), sharedChunks()],
  vite: {
    // tfjs-layers can forget the tensor names it has given once no model is left (scripts/tfjs-names.mjs).
    plugins: [tfjsNames()],
    build: {
      // Never inline a bundled script into the page: the Content Security Policy allows scripts
      // from the site's own files only (and the hashed pre-paint lines in Head.astro). Other
      // assets keep the default rule.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
    // Workers are ES modules, so that they too fetch TensorFlow.js as separate chunks on demand.
    worker: { format: 'es' },
  },
});
