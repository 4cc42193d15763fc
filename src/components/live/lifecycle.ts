/**
 * The life cycle of a live TensorFlow.js block, written once for all of them:
 *
 *   idle ──start──▶ loading ──loaded(backend)──▶ running ──finish──▶ done
 *                      │                            │
 *                      ├──cancel──▶ cancelled ◀──cancel┤
 *                      └──fail(reason)──▶ failed ◀──fail┘
 *
 * done, cancelled and failed are at rest: `start` leaves them for a new run. The state carries
 * the backend once one is loaded and, when failed, why. A block shows its phase as data-state.
 */

import type { BackendFailure } from '../../lib/tf/load';
import { isCostError } from '../../lib/errors';
import type { CostErrorInfo } from '../../i18n/errors.en';

export type { BackendFailure };

/** Why a run failed. */
export type Failure =
  /** TensorFlow.js could not be downloaded (offline or a failed fetch). */
  | { readonly kind: 'download'; readonly offline: boolean }
  /** The block declined to run on the backend it got (too much work for it). */
  | { readonly kind: 'refused' }
  /** No backend of TensorFlow.js could run here; `failed` says why for each. */
  | { readonly kind: 'unavailable'; readonly failed: readonly BackendFailure[] }
  /** The cost model refused a size during the run; the page words it by its code. */
  | { readonly kind: 'cost'; readonly error: CostErrorInfo }
  /** The browser could not run it; the message says what went wrong. */
  | { readonly kind: 'error'; readonly message: string };

export type LiveState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'loading' }
  | { readonly phase: 'running'; readonly backend: string; readonly fellBack: readonly BackendFailure[] }
  | { readonly phase: 'done'; readonly backend: string; readonly fellBack: readonly BackendFailure[] }
  | { readonly phase: 'cancelled'; readonly backend?: string }
  | { readonly phase: 'failed'; readonly backend?: string; readonly reason: Failure };

export type LiveEvent =
  | { readonly type: 'start' }
  | { readonly type: 'loaded'; readonly backend: string; readonly fellBack?: readonly BackendFailure[] }
  | { readonly type: 'finish' }
  | { readonly type: 'cancel' }
  | { readonly type: 'fail'; readonly reason: Failure };

export type Phase = LiveState['phase'];

export const IDLE: LiveState = { phase: 'idle' };

/** An event that the state it arrived in does not accept. */
export class LifecycleError extends Error {
  constructor(
    readonly phase: Phase,
    readonly event: LiveEvent['type'],
  ) {
    super(`a live block cannot take "${event}" while ${phase}`);
    this.name = 'LifecycleError';
  }
}

/** Whether a run is under way (the Run button waits, Cancel is offered). */
export function isBusy(s: LiveState): boolean {
  return s.phase === 'loading' || s.phase === 'running';
}

/** The backend in use or last used, if one was loaded. */
export function backendOf(s: LiveState): string | undefined {
  return 'backend' in s ? s.backend : undefined;
}

/** step(state, event): the next state; throws LifecycleError for an event the state does not accept. */
export function step(s: LiveState, e: LiveEvent): LiveState {
  switch (e.type) {
    case 'start':
      if (!isBusy(s)) return { phase: 'loading' };
      break;
    case 'loaded':
      if (s.phase === 'loading') return { phase: 'running', backend: e.backend, fellBack: e.fellBack ?? [] };
      break;
    case 'finish':
      if (s.phase === 'running') return { phase: 'done', backend: s.backend, fellBack: s.fellBack };
      break;
    case 'cancel':
      if (s.phase === 'loading') return { phase: 'cancelled' };
      if (s.phase === 'running') return { phase: 'cancelled', backend: s.backend };
      break;
    case 'fail':
      if (s.phase === 'loading') return { phase: 'failed', reason: e.reason };
      if (s.phase === 'running') return { phase: 'failed', backend: s.backend, reason: e.reason };
      break;
  }
  throw new LifecycleError(s.phase, e.type);
}

/** The failure for an exception thrown during a run. */
export function failureOf(e: unknown, fetchFailed: boolean, offline: boolean): Failure {
  if (fetchFailed) return { kind: 'download', offline };
  // TfUnavailableError, known by name so that this module does not pull src/lib/tf into the page's bundle.
  if (e instanceof Error && e.name === 'TfUnavailableError' && Array.isArray((e as { failed?: unknown }).failed)) {
    return { kind: 'unavailable', failed: (e as Error & { failed: readonly BackendFailure[] }).failed };
  }
  if (isCostError(e)) return { kind: 'cost', error: { code: e.code, message: e.message, ...(e.field !== undefined ? { field: e.field } : {}) } };
  return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
}
