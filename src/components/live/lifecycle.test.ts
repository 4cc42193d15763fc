import { describe, expect, it } from 'vitest';
import { CostError } from '../../lib/errors';
import { IDLE, LifecycleError, backendOf, failureOf, isBusy, step, type LiveEvent, type LiveState } from './lifecycle';

const start: LiveEvent = { type: 'start' };
const loaded: LiveEvent = { type: 'loaded', backend: 'webgl', fellBack: [] };
const finish: LiveEvent = { type: 'finish' };
const cancel: LiveEvent = { type: 'cancel' };
const fail: LiveEvent = { type: 'fail', reason: { kind: 'error', message: 'boom' } };

const loading = step(IDLE, start);
const running = step(loading, loaded);
const done = step(running, finish);
const cancelled = step(running, cancel);
const failed = step(running, fail);
const ALL: Record<LiveState['phase'], LiveState> = { idle: IDLE, loading, running, done, cancelled, failed };
const EVENTS = { start, loaded, finish, cancel, fail };

describe('step(state, event)', () => {
  it('idle → loading → running(backend) → done, keeping the backend and the backends that fell back', () => {
    expect(loading).toEqual({ phase: 'loading' });
    const withFallback = step(loading, { type: 'loaded', backend: 'cpu', fellBack: [{ backend: 'webgl', reason: { code: 'no-init' } }] });
    expect(withFallback).toEqual({ phase: 'running', backend: 'cpu', fellBack: [{ backend: 'webgl', reason: { code: 'no-init' } }] });
    expect(step(withFallback, finish)).toEqual({ phase: 'done', backend: 'cpu', fellBack: [{ backend: 'webgl', reason: { code: 'no-init' } }] });
    expect(step(loading, { type: 'loaded', backend: 'cpu' })).toEqual({ phase: 'running', backend: 'cpu', fellBack: [] });
  });

  it('cancel: from loading (no backend yet) and from running (with its backend)', () => {
    expect(step(loading, cancel)).toEqual({ phase: 'cancelled' });
    expect(cancelled).toEqual({ phase: 'cancelled', backend: 'webgl' });
  });

  it('fail carries the reason: from loading without a backend, from running with it', () => {
    const download = { kind: 'download', offline: true } as const;
    expect(step(loading, { type: 'fail', reason: download })).toEqual({ phase: 'failed', reason: download });
    expect(failed).toEqual({ phase: 'failed', backend: 'webgl', reason: { kind: 'error', message: 'boom' } });
    expect(step(running, { type: 'fail', reason: { kind: 'refused' } })).toEqual({ phase: 'failed', backend: 'webgl', reason: { kind: 'refused' } });
  });

  it('start leaves every state at rest (idle, done, cancelled, failed) for a new run', () => {
    for (const s of [IDLE, done, cancelled, failed]) expect(step(s, start)).toEqual({ phase: 'loading' });
  });

  it('rejects every other transition with a LifecycleError naming the phase and the event', () => {
    const legal = new Set(['idle start', 'done start', 'cancelled start', 'failed start', 'loading loaded', 'loading cancel', 'loading fail', 'running finish', 'running cancel', 'running fail']);
    let rejected = 0;
    for (const [phase, s] of Object.entries(ALL)) {
      for (const [name, e] of Object.entries(EVENTS)) {
        if (legal.has(`${phase} ${name}`)) {
          expect(() => step(s, e), `${phase} ${name}`).not.toThrow();
          continue;
        }
        rejected++;
        expect(() => step(s, e), `${phase} ${name}`).toThrow(LifecycleError);
        try {
          step(s, e);
        } catch (err) {
          expect((err as LifecycleError).phase).toBe(phase);
          expect((err as LifecycleError).event).toBe(name);
        }
      }
    }
    // 6 phases × 5 events, 10 of them legal.
    expect(rejected).toBe(20);
  });
});

describe('isBusy, backendOf, failureOf', () => {
  it('only loading and running are busy', () => {
    expect(Object.values(ALL).filter(isBusy).map((s) => s.phase)).toEqual(['loading', 'running']);
  });

  it('backendOf names the backend once one is loaded', () => {
    expect([IDLE, loading, running, done, cancelled, failed, step(loading, cancel)].map(backendOf)).toEqual([undefined, undefined, 'webgl', 'webgl', 'webgl', 'webgl', undefined]);
  });

  it('failureOf: a failed fetch is a download failure, anything else an error with its message', () => {
    expect(failureOf(new TypeError('x'), true, false)).toEqual({ kind: 'download', offline: false });
    expect(failureOf(new Error('no WebGL'), false, false)).toEqual({ kind: 'error', message: 'no WebGL' });
    expect(failureOf('plain', false, true)).toEqual({ kind: 'error', message: 'plain' });
    // No backend could run (TfUnavailableError): the failures travel as codes, for the page to word.
    const failed = [{ backend: 'webgl', reason: { code: 'no-init' } }] as const;
    const none = Object.assign(new Error('TensorFlow.js could not run here: webgl (no-init)'), { name: 'TfUnavailableError', failed });
    expect(failureOf(none, false, false)).toEqual({ kind: 'unavailable', failed });
    // A refusal of the cost model keeps its code, so the page can word it.
    const alpha = new CostError('invalid-alpha', 'The width multiplier α must be a positive number, got 0.', 'alpha');
    expect(failureOf(alpha, false, false)).toEqual({ kind: 'cost', error: { code: 'invalid-alpha', message: alpha.message, field: 'alpha' } });
  });
});
