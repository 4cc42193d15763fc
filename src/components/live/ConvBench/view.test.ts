import { describe, expect, it } from 'vitest';
import { convBenchView, convBenchStatus, type ConvBenchState } from './view';
import { IDLE, step } from '../lifecycle';
import { liveEn } from '../../../i18n/live.en';
import { liveZh } from '../../../i18n/live.zh';
import { findAll } from '../../figure-kit/testing';
import { toMarkup } from '../../figure-kit/svg';
import { quantityNode, role, textOf } from '../../../../tests/unit/support/tree';

// D_K = 3, M = 32, N = 64, D_F = 56: standard 3·3·32·64·56² = 57,802,752 mult-adds; separable
// (3·3·32 + 32·64)·56² = 7,325,696; ratio 1 / (1/64 + 1/9) = 576 / 73 ≈ 7.89 (Howard et al. 2017, §3.1).
const sizes = { k: 3, m: 32, n: 64, df: 56 };
const base: ConvBenchState = { sizes, life: IDLE, webgl: true, ready: true, chartWidth: 680 };
const timing = { standardMs: 4, separableMs: 2, standardRuns: [4, 4, 4, 4, 4, 4, 4], separableRuns: [2, 2, 2, 2, 2, 2, 2], measuredSpeedup: 2 };
const running = step(step(IDLE, { type: 'start' }), { type: 'loaded', backend: 'cpu' });
const run = (b: ConvBenchState) => role(convBenchView(b, liveEn), 'run', 'button');

describe('convBenchView(state, strings)', () => {
  it('before a run: the prediction with its exact value, both layers’ mult-adds, nothing measured', () => {
    const tree = convBenchView(base, liveEn);
    expect(quantityNode(tree, 'theoretical-speedup').attrs['data-exact']).toBe(String(576 / 73));
    expect(textOf(role(tree, 'std-macs'))).toBe('57,802,752');
    expect(textOf(role(tree, 'sep-macs'))).toBe('7,325,696');
    expect(textOf(role(tree, 'macs'))).toBe('57,802,752 against 7,325,696');
    // The symbols are set with subscripts (D<sub>K</sub>), never a raw underscore.
    expect(textOf(role(tree, 'sizes'))).toBe('DK = 3, M = 32, N = 64, DF = 56');
    expect(findAll(role(tree, 'sizes'), (n) => n.tag === 'sub').map((n) => textOf(n))).toEqual(['K', 'F']);
    expect(textOf(role(tree, 'measured'))).toBe('not run yet');
    expect(textOf(role(tree, 'backend'))).toBe('not loaded');
    expect(textOf(role(tree, 'status'))).toBe(liveEn.convBench.idle);
    expect(run(base).attrs.disabled).toBe(false);
  });

  it('the Run button is disabled before the script runs, while busy, and for sizes the guard refuses', () => {
    expect(run({ ...base, ready: false }).attrs.disabled).toBe(true);
    expect(run({ ...base, life: step(IDLE, { type: 'start' }) }).attrs.disabled).toBe(true);
    expect(run({ ...base, life: running }).attrs.disabled).toBe(true);
    const huge = { ...base, sizes: { k: 11, m: 2048, n: 2048, df: 56 } };
    expect(run(huge).attrs.disabled).toBe(true);
    const refusal = role(convBenchView(huge, liveEn), 'refusal');
    expect(refusal.attrs.hidden).toBe(false);
    expect(textOf(refusal)).toContain('16,777,216');
    expect(role(convBenchView(base, liveEn), 'refusal').attrs.hidden).toBe(true);
    // The same refusal on a Chinese page: its numbers grouped with commas, no English words.
    const zh = textOf(role(convBenchView(huge, liveZh), 'refusal'));
    expect(zh).toBe('这组尺寸需要一个含 507,510,784 个数的张量，超过了本页在浏览器中给自己定的上限 16,777,216 个（float32 下为 64 MiB）。');
  });

  it('after a run: medians in ms with exact values, the measured speed-up, the backend, and a verdict against the prediction', () => {
    const done = { ...base, life: step(running, { type: 'finish' }), webgl: false, result: { sizes, timing } };
    const tree = convBenchView(done, liveEn);
    expect(textOf(role(tree, 'std-ms'))).toBe('4.00 ms');
    expect(role(tree, 'sep-ms').attrs['data-exact']).toBe('2');
    expect(role(tree, 'measured').attrs['data-exact']).toBe('2');
    expect(textOf(role(tree, 'measured'))).toBe('2.0× measured');
    expect(textOf(role(tree, 'backend'))).toBe('cpu');
    expect(role(tree, 'backend').attrs['data-backend']).toBe('cpu');
    expect(textOf(role(tree, 'status'))).toBe('Done on cpu (this browser offers no WebGL): the separable pair ran 2.0× faster, short of the 7.9× the count predicts; see why below.');
    // The chart shows the run: a bar per layer.
    expect(findAll(tree, (n) => n.tag === 'rect' && String(n.attrs.class).includes('cb-standard'))).toHaveLength(1);
  });

  it('results for other sizes stay, with a note, and the chart drops them', () => {
    const done = { ...base, life: step(running, { type: 'finish' }), sizes: { ...sizes, n: 128 }, result: { sizes, timing } };
    const tree = convBenchView(done, liveEn);
    expect(convBenchStatus(done, liveEn)).toBe('The results below are for D_K = 3, M = 32, N = 64, D_F = 56. Press Run to time the new sizes.');
    expect(textOf(role(tree, 'std-ms'))).toBe('4.00 ms');
    expect(findAll(tree, (n) => String(n.attrs.class).includes('cb-standard'))).toHaveLength(0);
  });

  it('a failed download says so; an error names its message', () => {
    const loading = step(IDLE, { type: 'start' });
    expect(convBenchStatus({ ...base, life: step(loading, { type: 'fail', reason: { kind: 'download', offline: true } }) }, liveEn)).toBe(liveEn.common.tfOffline);
    expect(convBenchStatus({ ...base, life: step(running, { type: 'fail', reason: { kind: 'error', message: 'out of memory' } }) }, liveEn)).toBe('This browser could not run the block: out of memory. The predicted numbers above still hold.');
  });

  it('which backends could not run, and why, in the page\'s language', () => {
    const loading = step(IDLE, { type: 'start' });
    const fellBack = step(loading, { type: 'loaded', backend: 'cpu', fellBack: [{ backend: 'webgl', reason: { code: 'no-init' } }] });
    expect(convBenchStatus({ ...base, life: fellBack }, liveEn)).toBe('Timing on the cpu (webgl: did not initialise on this device) backend…');
    expect(convBenchStatus({ ...base, life: fellBack }, liveZh)).toBe('正在 cpu（webgl：无法在此设备上初始化） 后端上计时…');
    const failed = [
      { backend: 'webgl', reason: { code: 'not-loaded', detail: 'Failed to fetch' } },
      { backend: 'wasm', reason: { code: 'not-bundled' } },
    ] as const;
    const none = { ...base, life: step(loading, { type: 'fail', reason: { kind: 'unavailable', failed } }) };
    expect(convBenchStatus(none, liveEn)).toBe(
      'This browser could not run the block: TensorFlow.js could not run here: webgl: could not be loaded: Failed to fetch; wasm: could not be loaded: the wasm backend is not bundled with this site. The predicted numbers above still hold.',
    );
    expect(convBenchStatus(none, liveZh)).toBe(
      '此浏览器无法运行本模块：TensorFlow.js 无法在此运行：webgl：无法加载：Failed to fetch；wasm：无法加载：本站没有附带 wasm 后端。上面预测的数字依然成立。',
    );
  });
    const cost = { ...base, life: step(running, { type: 'fail', reason: { kind: 'cost', error: { code: 'invalid-alpha', message: 'The width multiplier α must be a positive number, got 0.', field: 'alpha' } } }) };
    expect(convBenchStatus(cost, liveEn)).toBe('This browser could not run the block: The width multiplier α must be a positive number, got 0. The predicted numbers above still hold.');
    expect(convBenchStatus(cost, liveZh)).toBe('此浏览器无法运行本模块：宽度乘子 α 必须是正数，并且不能让任何一层的通道数变为 0。上面预测的数字依然成立。');

  it('draws the build’s wide and narrow charts when it has no width yet, one chart once it has', () => {
    const drafts = findAll(convBenchView({ ...base, chartWidth: null }, liveEn), (n) => n.tag === 'svg');
    expect(drafts.map((s) => s.attrs['data-variant'])).toEqual(['wide', 'narrow']);
    expect(drafts.map((s) => String(s.attrs.viewBox).split(' ')[2])).toEqual(['680', '316']);
    const one = findAll(convBenchView({ ...base, chartWidth: 400 }, liveEn), (n) => n.tag === 'svg');
    expect(one).toHaveLength(1);
    expect(one[0].attrs['data-variant']).toBeUndefined();
  });

  it('marks up superscripts as elements, never as markup in text; Chinese strings give the same numbers', () => {
    const html = toMarkup(convBenchView(base, liveEn));
    expect(html).toContain('2<sup>24</sup>');
    expect(html).not.toContain('^{');
    const zh = convBenchView(base, liveZh);
    expect(textOf(role(zh, 'run'))).toBe('用 TensorFlow.js 运行');
    expect(quantityNode(zh, 'theoretical-speedup').attrs['data-exact']).toBe(String(576 / 73));
  });
});
