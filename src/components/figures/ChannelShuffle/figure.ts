/**
 * channel-shuffle: two grouped 1×1 layers stacked, drawn as connectivity, without and with a
 * channel shuffle between them (Zhang et al. 2018, ShuffleNet, §3.1, Fig. 1). Channels run down
 * the page, layers left to right; lines are coloured by the first-layer group whose inputs they
 * carry, so the left panel keeps its colours apart and the right one mixes them. Each output is
 * focusable and rings the inputs it can see; the first output's paths are drawn until another
 * is chosen. Counts (weights, inputs per output) come from src/lib/shuffle.
 *
 * Layout per frame: panels side by side on pages and slides, stacked on a phone.
 */
import { nearestDivisor } from '../../../lib/divisors';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { groupOf, stackedGroups, type StackedGroups } from '../../../lib/shuffle';
import { h, type SvgNode } from '../../figure-kit/svg';
import { isNarrow } from '../../figure-kit/frame';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { figureWords } from '../../../i18n/figures';
import { channelShuffleEn } from '../../../i18n/figures/channel-shuffle.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof channelShuffleEn => figureWords(lang, 'channelShuffle', channelShuffleEn);

type Text = typeof channelShuffleEn;

/** Group colours cycle through this many classes (neighbouring groups always differ). */
const HUES = 6;

/** Sorted channel indices (0-based) as readable 1-based ranges: [0,1,2,3,8,9] → "1–4 and 9–10". */
export function channelRanges(list: readonly number[], lang: Lang = 'en'): string {
  const T = words(lang);
  const parts: string[] = [];
  let start = list[0];
  for (let i = 1; i <= list.length; i++) {
    if (i < list.length && list[i] === list[i - 1] + 1) continue;
    const end = list[i - 1];
    parts.push(start === end ? `${start + 1}` : `${start + 1}–${end + 1}`);
    start = list[i];
  }
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(T.listSep)}${T.and}${parts[parts.length - 1]}`;
}

/** A straight line from (x1, y1) to (x2, y2). */
type Segment = [number, number, number, number];

/** A tenth of a unit: finer than a screen pixel at any size the figure is drawn. */
const r1 = (v: number): number => Math.round(v * 10) / 10;

/** Straight segments as the data of one path. */
export function segmentsPath(segments: readonly Segment[]): string {
  return segments.map(([x1, y1, x2, y2]) => `M${r1(x1)} ${r1(y1)}L${r1(x2)} ${r1(y2)}`).join('');
}

/** Circles of radius r around the given centres as the data of one path (two arcs each). */
export function circlesPath(centres: readonly (readonly [number, number])[], r: number): string {
  const d = r1(2 * r);
  return centres.map(([x, y]) => `M${r1(x - r)} ${r1(y)}a${r1(r)} ${r1(r)} 0 1 0 ${d} 0a${r1(r)} ${r1(r)} 0 1 0 ${-d} 0`).join('');
}

/** Marks gathered by class, drawn as one path per class (in the order of their class names). */
function byClass<T>() {
  const runs = new Map<string, T[]>();
  return {
    add(cls: string, mark: T): void {
      const run = runs.get(cls);
      if (run) run.push(mark);
      else runs.set(cls, [mark]);
    },
    paths: (d: (marks: T[]) => string): SvgNode[] => [...runs.keys()].sort().map((cls) => h('path', { class: cls, d: d(runs.get(cls) ?? []) })),
  };
}

interface Geometry {
  cols: [number, number, number, number];
  yAt: (c: number) => number;
  r: number;
  top: number;
  bottom: number;
}

/** One panel: inputs, layer 1, (shuffle), layer 2, outputs, and what each output sees. */
function panel(T: Text, lang: Lang, s: StackedGroups, x0: number, width: number, top: number, dy: number, heading: string, name: 'plain' | 'shuffled'): { node: SvgNode; height: number } {
  const C = s.channels;
  const G = s.groups;
  const headH = 40;
  const colX = (i: number): number => x0 + 26 + ((width - 36) * i) / 3;
  const g: Geometry = {
    cols: [colX(0), colX(1), colX(2), colX(3)],
    yAt: (c) => top + headH + c * dy + dy / 2,
    r: Math.max(2.5, Math.min(6, dy * 0.32)),
    top: top + headH,
    bottom: top + headH + C * dy,
  };
  const grp = (c: number): number => groupOf(c, C, G);
  const hue = (c: number): string => `grp-${grp(c) % HUES}`;
  // What each column's node carries: its first-layer group (after the shuffle, the moved channel's).
  const carried = (col: number, c: number): number => (col >= 2 ? s.order[c] : c);
  // Lines of one colour between two columns are one path: a slider step patches a few dozen
  // elements, not up to 2,400 lines (C = 24, G = 1).
  const edgeRuns = byClass<Segment>();
  const n = C / G;
  // Layer 1 (col 0 → 1) and layer 2 (col 2 → 3): every input of a group feeds every output of it.
  for (const [from, to] of [
    [0, 1],
    [2, 3],
  ] as const) {
    for (let out = 0; out < C; out++) {
      const first = grp(out) * n;
      for (let j = 0; j < n; j++) {
        const inp = first + j;
        edgeRuns.add(`edge ${hue(carried(from, inp))}`, [g.cols[from], g.yAt(inp), g.cols[to], g.yAt(out)]);
      }
    }
  }
  // The shuffle (col 1 → 2): position p takes first-layer output order[p]; a plain stack is the identity.
  for (let p = 0; p < C; p++) edgeRuns.add(`edge move ${hue(s.order[p])}`, [g.cols[1], g.yAt(s.order[p]), g.cols[2], g.yAt(p)]);
  const edges = edgeRuns.paths(segmentsPath);
  // The channels of the first three columns, one path of circles per colour.
  const nodeRuns = byClass<[number, number]>();
  g.cols.slice(0, 3).forEach((x, col) => {
    for (let c = 0; c < C; c++) nodeRuns.add(`node ${hue(carried(col, c))}`, [x, g.yAt(c)]);
  });
  const nodes = nodeRuns.paths((centres) => circlesPath(centres, g.r));
  // The first output's paths, shown until another output is hovered or focused: one path.
  const traced: Segment[] = [];
  const o = 0;
  for (let j = 0; j < n; j++) {
    const p = grp(o) * n + j;
    const mid = s.order[p];
    traced.push([g.cols[2], g.yAt(p), g.cols[3], g.yAt(o)], [g.cols[1], g.yAt(mid), g.cols[2], g.yAt(p)]);
    for (let i = 0; i < n; i++) traced.push([g.cols[0], g.yAt(grp(mid) * n + i), g.cols[1], g.yAt(mid)]);
  }
  const paths = h('path', { class: 'path', d: segmentsPath(traced) });
  // The inputs an output sees, ringed: one path of circles per output.
  const rings = (cs: readonly number[]): SvgNode => h('path', { class: 'ring', d: circlesPath(cs.map((c) => [g.cols[0], g.yAt(c)]), g.r + 2.5) });
  const outputs = Array.from({ length: C }, (_, c) =>
    h(
      'g',
      {
        class: 'out',
        tabindex: 0,
        role: 'group',
        'aria-label': T.outputAria(String(c + 1), s.reach[c].length !== 1, channelRanges(s.reach[c], lang)),
      },
      h('circle', {
        class: 'out-hit',
        cx: g.cols[3],
        cy: g.yAt(c),
        r: Math.max(g.r + 3, dy / 2),
      }),
      h('circle', {
        class: 'node out-node',
        cx: g.cols[3],
        cy: g.yAt(c),
        r: g.r,
      }),
      h('g', { class: 'reach' }, rings(s.reach[c])),
    ),
  );
  const labelEvery = dy >= 14 ? 1 : Math.ceil(14 / dy);
  const numbers = Array.from({ length: C }, (_, c) => c)
    .filter((c) => c % labelEvery === 0 || c === C - 1)
    .filter((c, i, all) => c !== C - 1 || i === 0 || C - 1 - all[i - 1] >= labelEvery)
    .map((c) =>
      h(
        'text',
        {
          class: 'fig-small channel-no',
          x: g.cols[0] - g.r - 4,
          y: g.yAt(c) + 4,
          'text-anchor': 'end',
        },
        String(c + 1),
      ),
    );
  const heads: [number, string][] = [
    [(g.cols[0] + g.cols[1]) / 2, T.layer1],
    [(g.cols[1] + g.cols[2]) / 2, name === 'shuffled' ? T.shuffle : T.noShuffle],
    [(g.cols[2] + g.cols[3]) / 2, T.layer2],
  ];
  const reach = s.reachPerOutput;
  const node = h(
    'g',
    { class: `panel panel-${name}` },
    h('text', { class: 'fig-heading', x: x0, y: top + 14 }, heading),
    heads.map(([x, t]) => h('text', { class: 'fig-small', x, y: top + 32, 'text-anchor': 'middle' }, t)),
    h('g', { class: 'edges' }, edges),
    h('g', { class: 'default-path' }, paths, h('g', { class: 'reach' }, rings(s.reach[0]))),
    nodes,
    numbers,
    outputs,
    h('text', { class: 'fig-value', x: x0, y: g.bottom + 22 }, T.eachSees, quantity(`reach-${name}`, reach, formatInt(reach)), T.ofInputs(String(C))),
    h('text', { class: 'fig-small', x: x0, y: g.bottom + 40 }, T.weights, quantity(`params-${name}`, s.params, formatInt(s.params)), name === 'shuffled' ? T.shuffleAddsNone : ''),
  );
  return { node, height: headH + C * dy + 46 };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  const narrow = isNarrow(frame);
  const slide = frame.context === 'slide';
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  let plain: StackedGroups;
  let shuffled: StackedGroups;
  const C = v.sc;
  // The store keeps G a divisor of C; a stray value is drawn at the nearest divisor.
  const G = nearestDivisor(C, v.sg);
  try {
    plain = stackedGroups({ channels: C, groups: G, shuffle: false });
    shuffled = stackedGroups({ channels: C, groups: G, shuffle: true });
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const n = C / G;
  const summary = T.summary(String(C), String(G), String(n), String(plain.reachPerOutput), String(shuffled.reachPerOutput), formatInt(plain.params));
  const desc = h('desc', { id: `${uid}-desc` }, T.desc(summary));
  const pad = 8;
  const headerY = 16;
  const header = h(
    'text',
    { class: 'fig-value', x: pad, y: headerY },
    'G = ',
    quantity('groups', G, String(G)),
    T.groupsOf(n),
    quantity('channels', C, String(C)),
  );
  let panels: SvgNode[];
  let height: number;
  const top = headerY + 10;
  if (narrow && !slide) {
    const dy = Math.max(9, Math.min(16, 200 / C));
    const a = panel(T, frame.lang, plain, pad, W - 2 * pad, top, dy, T.without, 'plain');
    const b = panel(T, frame.lang, shuffled, pad, W - 2 * pad, top + a.height + 10, dy, T.with, 'shuffled');
    panels = [a.node, b.node];
    height = top + a.height + 10 + b.height;
  } else {
    const avail = slide ? (frame.height ?? 335) - top - 90 : 260;
    const dy = Math.max(8, Math.min(18, avail / C));
    const half = (W - 3 * pad) / 2;
    const a = panel(T, frame.lang, plain, pad, half, top, dy, T.without, 'plain');
    const b = panel(T, frame.lang, shuffled, 2 * pad + half, half, top, dy, T.with, 'shuffled');
    panels = [a.node, b.node];
    height = top + Math.max(a.height, b.height);
  }
  const svg = h(
    'svg',
    {
      viewBox: `0 0 ${W} ${Math.ceil(height + 4)}`,
      role: 'img',
      'aria-labelledby': `${uid}-title ${uid}-desc`,
      class: 'fig-svg channel-shuffle',
    },
    title,
    desc,
    header,
    panels,
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'channel-shuffle',
  title: (lang) => words(lang).title,
  chapter: '/grouped-convolution/',
  source: (lang) => words(lang).source,
  params: ['sc', 'sg'],
  controls: ['sg', 'sc'],
  render,
};
