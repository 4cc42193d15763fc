import { describe, expect, it } from 'vitest';
import { englishHeadings } from './rehype-twin-ids.mjs';

// Expected ids follow GitHub's slug rules (lower case, spaces to hyphens, punctuation dropped,
// repeats numbered), which Astro uses for heading ids; written out by hand.
describe('englishHeadings', () => {
  it('slugs the headings of an English chapter in order, outside code fences', () => {
    const src = ['---', 'title: x', '---', '## The cost, step by step', 'text', '```', '## not a heading', '```', '### Why ReLU6?', '## Check yourself', '## Check yourself', "## Keras's [SeparableConv2D](/x/) and `its` count"].join('\n');
    expect(englishHeadings(src)).toEqual([
      { depth: 2, id: 'the-cost-step-by-step' },
      { depth: 3, id: 'why-relu6' },
      { depth: 2, id: 'check-yourself' },
      { depth: 2, id: 'check-yourself-1' },
      { depth: 2, id: 'kerass-separableconv2d-and-its-count' },
    ]);
  });
});
