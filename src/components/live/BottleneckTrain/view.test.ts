import { describe, expect, it } from 'vitest';
import { bottleneckStatus, bottleneckView, type BottleneckState } from './view';
import { IDLE, step } from '../lifecycle';
import { liveEn } from '../../../i18n/live.en';
import { liveZh } from '../../../i18n/live.zh';
import { findAll } from '../../figure-kit/testing';
import { role, textOf } from '../../../../tests/unit/support/tree';

const training = { relu: { losses: [] }, linear: { losses: [] }, targets: [0, 1, 1, 0] };
const base: BottleneckState = { life: IDLE, ready: true, epochs: 300, seed: 7, stopping: false, training, chartWidth: 680 };
const running = step(step(IDLE, { type: 'start' }), { type: 'loaded', backend: 'cpu' });
const result = { relu: { finalLoss: 0.0123, epochs: 300 }, linear: { finalLoss: 0.000456, epochs: 300 }, lossRatio: 0.0123 / 0.000456, seconds: 3.21 };
const button = (s: BottleneckState, name: string) => role(bottleneckView(s, liveEn), name, 'button');

describe('bottleneckView(state, strings)', () => {
  it('states the set-up with the network’s widths (Sandler et al. 2018, §3.2: a 2-wide bottleneck)', () => {
    const text = textOf(bottleneckView(base, liveEn));
    expect(text).toContain('It is an hourglass, 16 → 64 → 2 → 64 → 2');
    expect(text).toContain('take 300 full-batch Adam steps');
    const strong = findAll(bottleneckView(base, liveEn), (n) => n.tag === 'strong');
    expect(strong.map(textOf)).toEqual(['2']);
  });

  it('Run waits for the script and for a run to end; Stop only while busy, once', () => {
    expect(button({ ...base, ready: false }, 'run').attrs.disabled).toBe(true);
    expect(button(base, 'run').attrs.disabled).toBe(false);
    expect(button(base, 'stop').attrs.disabled).toBe(true);
    expect(button({ ...base, life: running }, 'run').attrs.disabled).toBe(true);
    expect(button({ ...base, life: running }, 'stop').attrs.disabled).toBe(false);
    expect(button({ ...base, life: running, stopping: true }, 'stop').attrs.disabled).toBe(true);
  });

  it('while training the results say running…, and the status names backend and seed', () => {
    const tree = bottleneckView({ ...base, life: running }, liveEn);
    expect(textOf(role(tree, 'loss-relu'))).toBe('running…');
    expect(textOf(role(tree, 'status'))).toBe('Training on the cpu backend, weights seed 7…');
    expect(textOf(role(tree, 'backend'))).toBe('cpu (TensorFlow.js)');
  });

  it('after training: both final losses with exact values, the gap and which ends worse', () => {
    const tree = bottleneckView({ ...base, life: step(running, { type: 'finish' }), result }, liveEn);
    expect(role(tree, 'loss-relu').attrs['data-exact']).toBe('0.0123');
    expect(textOf(role(tree, 'loss-relu'))).toBe('1.23e-2 after 300 epochs');
    expect(textOf(role(tree, 'gap'))).toMatch(/^27×: the ReLU bottleneck ends worse$/);
    expect(textOf(role(tree, 'status'))).toBe('Done in 3.2 s on the cpu backend.');
  });

  it('stopped: cancelled in the life cycle, a gap that is not known when a run did not finish', () => {
    const stopped = { ...base, life: step(running, { type: 'cancel' }), result: { ...result, lossRatio: Number.NaN } };
    expect(bottleneckStatus(stopped, liveEn)).toBe('Stopped after 3.2 s. Press Run to start again.');
    const gap = role(bottleneckView(stopped, liveEn), 'gap');
    expect(textOf(gap)).toBe('not known (stopped before both ran)');
    expect(gap.attrs['data-exact']).toBeUndefined();
  });

  it('in Chinese: same structure, Chinese words', () => {
    const tree = bottleneckView(base, liveZh);
    expect(textOf(role(tree, 'run'))).toBe('用 TensorFlow.js 训练两者');
    expect(textOf(role(tree, 'loss-relu'))).toBe('尚未运行');
  });
});
