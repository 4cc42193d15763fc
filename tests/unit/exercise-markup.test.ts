// The build's markup of the exercises (src/components/exercises/markup.ts): which math it typesets.
import { describe, expect, it } from 'vitest';
import { h, toMarkup } from '../../src/components/figure-kit/svg';
import { exercisesView, texNode } from '../../src/components/exercises/view';
import { exercisesFor } from '../../src/components/exercises/localize';
import { exerciseWords } from '../../src/i18n/exercises';
import { ui } from '../../src/i18n';
import { exerciseMarkup } from '../../src/components/exercises/markup';

/** One exercise's prompt (shown) and its solution (hidden until the reader asks for it). */
const tree = h(
  'div',
  { class: 'ex-body' },
  h('p', { class: 'ex-prompt' }, 'What is ', texNode('3^2', false), '?'),
  h('div', { id: 'ex-a-solution', class: 'ex-solution', hidden: true }, texNode('3^2 = 9'), texNode('9 \\div 3 = 3')),
);

describe('exerciseMarkup', () => {
  it('typesets every formula, hidden solutions too, by default (the printed sheets)', () => {
    const html = exerciseMarkup(tree, [], 'ex');
    expect(html.match(/class="katex"/g)).toHaveLength(3);
  });

  it("with hiddenMath 'later', typesets what is shown and leaves a hidden solution's formulas as their TeX, for the browser", () => {
    const html = exerciseMarkup(tree, [], 'ex', 'en', 'later');
    expect(html.match(/class="katex"/g)).toHaveLength(1);
    const solution = html.slice(html.indexOf('class="ex-solution" hidden'));
    expect(solution).not.toContain('katex');
    expect(solution).toContain('<div class="ex-tex" data-tex="3^2 = 9" data-display="true" data-own-children></div>');
    expect(solution).toContain('data-tex="9 \\div 3 = 3"');
    // The shown formula is marked as typeset, so the browser does not typeset it again.
    expect(html).toContain('data-typeset="3^2"');
  });
});

describe('exercisesView', () => {
  // Each edition has its printable sheets: /exercises/<chapter>/ and /zh/exercises/<chapter>/.
  const sheetLink = (lang: 'en' | 'zh') => {
    const exercises = exercisesFor('mobilenet-v1', 7, exerciseWords(lang));
    const html = toMarkup(exercisesView({ chapter: 'mobilenet-v1', lang, seed: 7, exercises, progress: {}, solved: new Set() }, ui(lang).exercises));
    return /<a href="([^"]*)" class="ex-sheet-link">/.exec(html)?.[1];
  };
  it('links to the printable sheet of the same set in the page\'s own edition', () => {
    expect(sheetLink('en')).toBe('/exercises/mobilenet-v1/?ex=7');
    expect(sheetLink('zh')).toBe('/zh/exercises/mobilenet-v1/?ex=7');
  });
});
