/** What every live block says about its life cycle in the same words: the backend and why it failed. */
import type { LiveStrings } from '../../i18n/live.en';
import type { Failure, LiveState } from './lifecycle';

/** "cpu", "cpu (webgl: no context)" or "cpu (this browser offers no WebGL)". */
export function backendText(s: LiveState, webgl: boolean, t: LiveStrings['common']): string {
  if (!('backend' in s) || s.backend === undefined) return '';
  const fellBack = 'fellBack' in s ? s.fellBack : [];
  if (fellBack.length > 0) return `${s.backend} (${fellBack.map((f) => t.fellBack(f.backend, f.reason)).join('; ')})`;
  return webgl ? s.backend : `${s.backend} (${t.noWebGl})`;
}

/** The message for a failure other than a refusal (which each block words itself). */
export function failureText(reason: Failure, t: LiveStrings['common'], error: (message: string) => string): string {
  if (reason.kind === 'download') return reason.offline ? t.tfOffline : t.tfLoadFailed;
  if (reason.kind === 'error') return error(reason.message);
  return '';
}
