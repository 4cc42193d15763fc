import { describe, expect, it } from 'vitest';
import { preferredBackends, v1ModelStatus, v1ModelView, type V1ModelState } from './view';
import { IDLE, step } from '../lifecycle';
import { liveEn } from '../../../i18n/live.en';
import { liveZh } from '../../../i18n/live.zh';
import { findAll } from '../../figure-kit/testing';
import { quantityNode, role, textOf } from '../../../../tests/unit/support/tree';

// MobileNet V1 at α 1, 224: 4,210,088 parameters (weights + FC bias: 3,185,088 conv weights + 1024·1000 + 1000) and 568,740,352 mult-adds
// (Howard et al. 2017, Table 1; the paper prints 4.2 million and 569 million).
const base: V1ModelState = { alpha: 1, res: 224, life: IDLE, webgl: true, ready: true, choice: 'auto', cancelling: false, cancelledEarly: false, chartWidth: 640 };
const loading = step(IDLE, { type: 'start' });
const running = step(loading, { type: 'loaded', backend: 'cpu' });
const result = { alpha: 1, res: 224, counts: { total: 4253864, trainable: 4231976, nonTrainable: 21888 }, expectedKeras: 4253864, buildMs: 250, runs: [40, 42, 41], medianMs: 41, layers: [], aborted: false };
const button = (s: V1ModelState, name: string) => role(v1ModelView(s, liveEn), name, 'button');

describe('v1ModelView(state, strings)', () => {
  it('shows the site’s counts for the setting with exact values, before anything runs', () => {
    const tree = v1ModelView(base, liveEn);
    expect(quantityNode(tree, 'params').attrs['data-exact']).toBe('4210088');
    expect(quantityNode(tree, 'macs').attrs['data-exact']).toBe('568740352');
    expect(textOf(quantityNode(tree, 'macs'))).toBe('568,740,352');
    expect(textOf(role(tree, 'count'))).toBe('not built yet');
    expect(textOf(role(tree, 'paper'))).toBe('4.2M (Howard et al. 2017, Table 6)');
    expect(findAll(tree, (n) => n.attrs['data-role'] === 'res').map(textOf)).toEqual(['224', '224']);
  });

  it('Run is enabled when ready and at rest; Cancel shows only while a run is busy', () => {
    expect(button({ ...base, ready: false }, 'run').attrs.disabled).toBe(true);
    expect(button(base, 'run').attrs.disabled).toBe(false);
    expect(button(base, 'cancel').attrs.hidden).toBe(true);
    for (const life of [loading, running]) {
      expect(button({ ...base, life }, 'run').attrs.disabled).toBe(true);
      expect(button({ ...base, life }, 'cancel').attrs.hidden).toBe(false);
    }
    expect(role(v1ModelView({ ...base, ready: false }, liveEn), 'backend-choice').attrs.disabled).toBe(true);
  });

  it('warns on the cpu backend: seconds per pass at 224, minutes (refused) past 2.5·10⁹ mult-adds; nothing on WebGL', () => {
    expect(textOf(role(v1ModelView({ ...base, choice: 'cpu' }, liveEn), 'warn'))).toBe(liveEn.v1Model.cpuSlow);
    expect(role(v1ModelView(base, liveEn), 'warn').attrs.hidden).toBe(true);
    // Without WebGL, auto means cpu.
    expect(role(v1ModelView({ ...base, webgl: false }, liveEn), 'warn').attrs.hidden).toBe(false);
    expect(textOf(role(v1ModelView({ ...base, choice: 'cpu', res: 128, alpha: 0.25 }, liveEn), 'warn'))).toBe('');
  });

  it('after a run: the count with its match, times in ms, the backend and a done status', () => {
    const s = { ...base, life: step(running, { type: 'finish' }), result };
    const tree = v1ModelView(s, liveEn);
    const count = role(tree, 'count');
    expect(count.attrs['data-exact']).toBe('4253864');
    expect(count.attrs['data-match']).toBe('true');
    expect(textOf(count)).toBe('4,253,864 (trainable 4,231,976, non-trainable 21,888) — equals the site’s Keras count, α 1, 224×224');
    expect(textOf(role(tree, 'forward'))).toBe('41.0 ms (runs: 40.0 ms, 42.0 ms, 41.0 ms)');
    expect(textOf(role(tree, 'build'))).toBe('250 ms');
    expect(role(tree, 'backend', 'dd').attrs['data-backend']).toBe('cpu');
    expect(textOf(role(tree, 'status'))).toBe('Done on cpu. The model was disposed.');
  });

  it('status follows the life cycle: loading, building, passes, cancelling, cancelled, refused', () => {
    expect(v1ModelStatus({ ...base, life: loading }, liveEn)).toBe('Loading TensorFlow.js…');
    expect(v1ModelStatus({ ...base, life: running, progress: { kind: 'building' } }, liveEn)).toBe('Building MobileNet V1 at α 1, 224×224 on cpu…');
    expect(v1ModelStatus({ ...base, life: running, progress: { kind: 'pass', done: 0, total: 4 } }, liveEn)).toBe('Built; forward pass 1 of 4…');
    expect(v1ModelStatus({ ...base, life: running, progress: { kind: 'pass', done: 2, total: 4 } }, liveEn)).toBe('Forward pass 2 of 4 done…');
    expect(v1ModelStatus({ ...base, life: running, cancelling: true }, liveEn)).toBe('Cancelling…');
    const cancelled = step(running, { type: 'cancel' });
    expect(v1ModelStatus({ ...base, life: cancelled, cancelledEarly: true }, liveEn)).toBe('Cancelled.');
    expect(textOf(role(v1ModelView({ ...base, life: cancelled, cancelledEarly: true }, liveEn), 'forward'))).toBe('cancelled before the model was built');
    expect(v1ModelStatus({ ...base, life: step(running, { type: 'fail', reason: { kind: 'refused' } }) }, liveEn)).toBe('Not run: 568,740,352 mult-adds is too much for the cpu backend. Choose a smaller α or resolution.');
  });

  it('preferredBackends: auto is webgl then cpu, or cpu alone without WebGL; webgl without it is nothing', () => {
    expect(preferredBackends('auto', true)).toEqual(['webgl', 'cpu']);
    expect(preferredBackends('auto', false)).toEqual(['cpu']);
    expect(preferredBackends('webgl', false)).toEqual([]);
    expect(preferredBackends('cpu', true)).toEqual(['cpu']);
  });

  it('in Chinese: the same numbers, Chinese words', () => {
    const tree = v1ModelView(base, liveZh);
    expect(textOf(role(tree, 'run'))).toBe('构建并运行');
    expect(quantityNode(tree, 'params').attrs['data-exact']).toBe('4210088');
    expect(textOf(role(tree, 'paper'))).toBe('4.2M（Howard et al. 2017，Table 6）');
  });
});
