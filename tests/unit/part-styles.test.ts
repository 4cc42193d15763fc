// The build step that leaves out of each page the part stylesheets it does not use
// (scripts/part-styles.mjs): which classes a stylesheet styles, which a page has, and the pruning.
import { describe, expect, it } from 'vitest';
import { ALWAYS_KEPT, pageClasses, partMarker, pruneParts, selectorClasses } from '../../scripts/part-styles.mjs';

const page = (style: string, body: string): string => `<html><head><style>${style}</style></head><body>${body}</body></html>`;

describe('selectorClasses', () => {
  it('reads the classes of every selector, compound and nested in @media, and none from declarations', () => {
    const css = '.a .b>.c-d{fill:url(#x.y)}svg.e:hover .f{opacity:.5}@media (min-width:40rem){.g{width:1.5rem}}#id{color:red}';
    expect([...selectorClasses(css)].sort()).toEqual(['a', 'b', 'c-d', 'e', 'f', 'g']);
  });
});

describe('pageClasses', () => {
  it('splits every class attribute into its tokens', () => {
    expect([...pageClasses('<svg class="fig-svg rm"><path class=" rm-dots  rm-b3"/></svg><p>class="not-an-attr"</p>')].sort()).toEqual(['fig-svg', 'rm', 'rm-b3', 'rm-dots']);
  });
});

describe('pruneParts', () => {
  const style = `.site{color:red}${partMarker('cost-bars')}.cost-bars .bar{fill:blue}${partMarker('relu-manifold')}.rm-dots{stroke-width:2.2}.rm-panel{fill:grey}${partMarker('ids-only')}#param-messages{color:red}${partMarker(ALWAYS_KEPT[0])}.${ALWAYS_KEPT[0]}{position:fixed}`;

  it('keeps the parts whose classes the page has, and those it cannot tell (no class), and drops the markers', () => {
    const out = pruneParts(page(style, '<svg class="fig-svg rm"><rect class="rm-panel"/></svg>'));
    expect(out).toBe(page(`.site{color:red}.rm-dots{stroke-width:2.2}.rm-panel{fill:grey}#param-messages{color:red}.${ALWAYS_KEPT[0]}{position:fixed}`, '<svg class="fig-svg rm"><rect class="rm-panel"/></svg>'));
  });

  it('keeps a whole part when any one of its classes is on the page (the rest may come from scripts)', () => {
    const out = pruneParts(page(style, '<div class="cost-bars"></div><svg class="rm-dots"></svg>'));
    expect(out).toContain('.cost-bars .bar{fill:blue}');
    expect(out).toContain('.rm-panel{fill:grey}');
  });

  it('keeps the parts that only scripts draw (the offline status line) on a page without figures', () => {
    const out = pruneParts(page(style, '<p class="prose">No figures.</p>'));
    expect(out).not.toContain('cost-bars');
    expect(out).not.toContain('rm-');
    expect(out).toContain(`.${ALWAYS_KEPT[0]}{position:fixed}`);
    expect(out).not.toContain('/*part:');
  });

  it('leaves a page without markers as it is', () => {
    const html = page('.a{color:red}', '<p class="b"></p>');
    expect(pruneParts(html)).toBe(html);
  });
});
