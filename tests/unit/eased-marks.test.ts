// A figure's marks ease to new values only while no slider is being dragged and the figure is
// near the screen: every transition a part stylesheet declares is written under
// `sep-figure:not([data-moving], [data-far])` (global.css says why there is no single rule that
// turns all of them off). This reads every part's CSS and finds each rule that declares a
// transition other than none.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';

const EASES_WHILE_STILL = 'sep-figure:not([data-moving], [data-far]) ';
/** Live blocks that draw bars of their own outside any figure (they never have data-moving). */
const OUTSIDE_FIGURES = ['conv-bench '];

interface Rule {
  selectors: string[];
  body: string;
}

/** A selector list split at its commas, not at those inside :not(…) or :is(…). */
function topLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === '(') depth++;
    else if (list[i] === ')') depth--;
    else if (list[i] === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  return [...parts, list.slice(start)];
}

/** The style rules of a stylesheet, those inside @media and @supports blocks included. */
function styleRules(css: string): Rule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: Rule[] = [];
  const walk = (from: number, to: number): void => {
    let i = from;
    while (i < to) {
      const open = text.indexOf('{', i);
      if (open < 0 || open >= to) return;
      const head = text.slice(i, open).trim();
      // The matching brace, counting the ones nested inside.
      let depth = 1;
      let j = open + 1;
      for (; j < to && depth > 0; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      const close = j - 1;
      if (head.startsWith('@')) walk(open + 1, close);
      else rules.push({ selectors: topLevel(head).map((s) => s.trim().replace(/\s+/g, ' ')), body: text.slice(open + 1, close) });
      i = j;
    }
  };
  walk(0, text.length);
  return rules;
}

/** Whether a rule's declarations give a transition other than none. */
const eases = (body: string): boolean =>
  body.split(';').some((d) => {
    const m = /^\s*transition(-property|-duration)?\s*:([\s\S]*)$/.exec(d);
    return m !== null && !/^none(\s*!important)?$/.test(m[2]!.trim());
  });

describe('styleRules', () => {
  it('finds rules at the top and inside @media, and splits a selector list', () => {
    const rules = styleRules('/* a } comment */ .a, .b  c:not(.e, .f) { x: 1 } @media (min-width: 1px) { .d { transition: none } }');
    expect(rules.map((r) => r.selectors)).toEqual([['.a', '.b c:not(.e, .f)'], ['.d']]);
    expect(rules.map((r) => eases(r.body))).toEqual([false, false]);
    expect(eases('fill: red; transition:\n  x 0.2s')).toBe(true);
  });
});

describe('part stylesheets', () => {
  const dir = 'src/styles/parts';
  const files = readdirSync(dir).filter((f) => f.endsWith('.css'));

  it('ease figure marks only while the figure is still and near the screen', () => {
    const wrong: string[] = [];
    let eased = 0;
    for (const f of files) {
      for (const rule of styleRules(readFileSync(`${dir}/${f}`, 'utf8'))) {
        if (!eases(rule.body)) continue;
        for (const s of rule.selectors) {
          eased++;
          if (!s.startsWith(EASES_WHILE_STILL) && !OUTSIDE_FIGURES.some((p) => s.startsWith(p))) wrong.push(`${f}: ${s}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The parts ease 20 kinds of marks today: a parser that found none would pass the line above.
    expect(eased).toBeGreaterThanOrEqual(20);
  });
});
