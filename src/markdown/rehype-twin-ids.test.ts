import { describe, expect, it } from 'vitest';
import { englishHeadings, localLink } from './rehype-twin-ids.mjs';

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

describe('localLink', () => {
  // One translated chapter whose heading "源文章 001 的算例" took the English id "a-worked-example".
  const maps = new Map([['/standard-convolution/', new Map([['源文章-001-的算例', 'a-worked-example']])]]);
  it('puts site links in the edition and maps translated anchors to the English ids', () => {
    expect(localLink('/references/#howard2017', 'zh', '/mobilenet-v1/', maps)).toBe('/zh/references/#howard2017');
    expect(localLink('/standard-convolution/#源文章-001-的算例', 'zh', '/mobilenet-v1/', maps)).toBe('/zh/standard-convolution/#a-worked-example');
    expect(localLink('/standard-convolution/#%E6%BA%90%E6%96%87%E7%AB%A0-001-%E7%9A%84%E7%AE%97%E4%BE%8B', 'zh', '/x/', maps)).toBe('/zh/standard-convolution/#a-worked-example');
    expect(localLink('#源文章-001-的算例', 'zh', '/standard-convolution/', maps)).toBe('#a-worked-example');
    expect(localLink('#figure-cost-bars', 'zh', '/standard-convolution/', maps)).toBe('#figure-cost-bars');
    expect(localLink('/zh/calculator/', 'zh', '/x/', maps)).toBe('/zh/calculator/');
    expect(localLink('https://arxiv.org/abs/1704.04861', 'zh', '/x/', maps)).toBe('https://arxiv.org/abs/1704.04861');
  });
});
