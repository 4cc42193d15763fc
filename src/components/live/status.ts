/** What every live block says about its life cycle in the same words: the backend and why it failed. */
import type { LiveStrings } from '../../i18n/live.en';
import type { BackendFailure, Failure, LiveState } from './lifecycle';
import { byCode } from '../../i18n/by-code';

/** "webgl: did not initialise on this device", in the page's language. */
const failedText = (f: BackendFailure, t: LiveStrings['common']): string => t.fellBack(f.backend, byCode(t.backendReason, f.reason));

/** "cpu", "cpu (webgl: no context)" or "cpu (this browser offers no WebGL)". */
export function backendText(s: LiveState, webgl: boolean, t: LiveStrings['common']): string {
  if (!('backend' in s) || s.backend === undefined) return '';
  const fellBack = 'fellBack' in s ? s.fellBack : [];
  if (fellBack.length > 0) return t.withNote(s.backend, t.list(fellBack.map((f) => failedText(f, t))));
  return webgl ? s.backend : t.withNote(s.backend, t.noWebGl);
}

/** A sentence as a clause inside another (the block's words end it): without its full stop. */
const clause = (s: string): string => s.replace(/[.。]\s*$/, '');

/** The message for a failure other than a refusal (which each block words itself). */
export function failureText(reason: Failure, t: LiveStrings['common'], message: (message: string) => string): string {
  const error = (s: string) => message(clause(s));
  if (reason.kind === 'download') return reason.offline ? t.tfOffline : t.tfLoadFailed;
  if (reason.kind === 'unavailable') return error(t.unavailable(t.list(reason.failed.map((f) => failedText(f, t)))));
  if (reason.kind === 'cost') return error(t.costError[reason.error.code](reason.error));
  if (reason.kind === 'error') return error(reason.message);
  return '';
}
