// The build step that leaves out of each page the part stylesheets it does not use
// (scripts/part-styles.mjs): which classes a stylesheet styles, which a page has, and the pruning.
import { describe, expect, it } from 'vitest';
import { ALWAYS_KEPT, citedOnly, pageClasses, partMarker, pruneParts, scopeClasses } from '../../scripts/part-styles.mjs';

const page = (style: string, body: string): string => `<html><head><style>${style}</style></head><body>${body}</body></html>`;

describe('scopeClasses', () => {
  it("reads the classes of each selector's first compound, in every list and inside @media, none from declarations", () => {
    const css = '.a .b>.c-d{fill:url(#x.y)}svg.e:hover .f,.g>.h{opacity:.5}@media (min-width:40rem){.i.j .k{width:1.5rem}}#id .l{color:red}:root[data-theme=dark] .m{color:#fff}';
    expect([...scopeClasses(css)].sort()).toEqual(['a', 'e', 'g', 'i', 'j']);
  });

  it('splits selector lists only at top-level commas, and takes no scope from :not(…) or the kit class fig-svg', () => {
    const css = '.n:not(:hover,.o:focus) .p,.fig-svg text.q{fill:red}[data-x="a b"].r .s{fill:none}';
    expect([...scopeClasses(css)].sort()).toEqual(['n', 'r']);
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

  it('keeps a whole part when one of its scoping classes is on the page (the rest may come from scripts)', () => {
    const out = pruneParts(page(style, '<div class="cost-bars"></div><svg class="rm-dots"></svg>'));
    expect(out).toContain('.cost-bars .bar{fill:blue}');
    expect(out).toContain('.rm-panel{fill:grey}');
  });

  it("drops a part whose classes on the page are only generic ones further in its selectors (another figure's .bar)", () => {
    const out = pruneParts(page(style, '<svg class="fig-svg other"><rect class="bar"/></svg>'));
    expect(out).not.toContain('.cost-bars .bar');
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

describe('citedOnly', () => {
  const numbers = '@media print{a[href="/references/#howard2017"]::after{content:" [1]"}a[href="/references/#sandler2018"]::after{content:" [2]"}}';

  it('keeps the number of each reference the page links to, and only those', () => {
    expect(citedOnly(numbers, '<a href="/references/#sandler2018">Sandler</a>')).toBe('@media print{a[href="/references/#sandler2018"]::after{content:" [2]"}}');
  });

  it('leaves no empty @media block on a page that cites nothing, and the rest of the stylesheet as it was', () => {
    expect(citedOnly(`${numbers}\n.x{color:red}`, '<p>no citations</p>')).toBe('\n.x{color:red}');
  });

  it('is applied by pruneParts', () => {
    const html = page(`${numbers}\n${partMarker('x')}.x{color:red}`, '<a href="/references/#howard2017">Howard</a><i class="x"></i>');
    expect(pruneParts(html)).toContain('<style>@media print{a[href="/references/#howard2017"]::after{content:" [1]"}}\n.x{color:red}</style>');
  });
});
