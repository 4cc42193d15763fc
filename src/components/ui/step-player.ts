/**
 * Playing for StepPlayer controls: Play advances the step every STEP_MS until the last step
 * (from the first again if it stands at the end); Pause, any other button or the scrubber stops
 * it. After every redraw the control takes its step count from the figure's
 * <svg data-steps>, so a figure whose steps depend on a mode keeps its scrubber right.
 */
import { params, setParam } from '../figure-kit/store';
import type { ParamName } from '../../lib/params';

const STEP_MS = 650;

function wire(ctl: HTMLElement): void {
  if (ctl.dataset.player !== undefined) return;
  ctl.dataset.player = '';
  const name = ctl.dataset.params as ParamName;
  const play = ctl.querySelector<HTMLButtonElement>('[data-role=play]');
  const range = ctl.querySelector<HTMLInputElement>('input[type=range]');
  const count = ctl.querySelector('[data-role=count]');
  if (!play || !range) return;
  let timer = 0;
  const last = (): number => Number(ctl.dataset.max ?? range.max);
  // The button says what it does next: Play while stopped, Pause while playing.
  const playing = (on: boolean): void => {
    play.setAttribute('aria-pressed', String(on));
    play.textContent = (on ? play.dataset.pause : play.dataset.play) ?? '';
  };
  const stop = (): void => {
    window.clearInterval(timer);
    timer = 0;
    playing(false);
  };
  const start = (): void => {
    if (params.get()[name] >= last()) setParam(name, 0);
    playing(true);
    timer = window.setInterval(() => {
      const v = params.get()[name];
      if (v >= last()) stop();
      else setParam(name, v + 1);
      if (params.get()[name] >= last()) stop();
    }, STEP_MS);
  };
  play.addEventListener('click', () => (timer ? stop() : start()));
  // Rendered disabled for readers without JavaScript, like the other controls.
  play.removeAttribute('disabled');
  for (const b of ctl.querySelectorAll('button[data-delta]')) b.addEventListener('click', stop);
  range.addEventListener('input', stop);
  const setCount = (steps: number): void => {
    if (!(steps > 0) || String(steps - 1) === ctl.dataset.max) return;
    ctl.dataset.max = String(steps - 1);
    range.max = String(steps - 1);
    if (count) count.textContent = String(steps);
  };
  const say = (): void => range.setAttribute('aria-valuetext', `${Math.min(params.get()[name], last()) + 1} / ${last() + 1}`);
  params.subscribe(say);
  const fig = ctl.closest('sep-figure');
  fig?.addEventListener('sep:drawn', () => {
    setCount(Number(fig.querySelector('.fig-frame svg')?.getAttribute('data-steps')));
    say();
  });
}

function wireAll(): void {
  document.querySelectorAll<HTMLElement>('param-control.control-player').forEach(wire);
}

wireAll();
document.addEventListener('DOMContentLoaded', wireAll);
