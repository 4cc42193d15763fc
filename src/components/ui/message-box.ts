/**
 * The page's message box (ParamMessages.astro, on every page) for values in the link or typed that
 * could not be used as given: plain text only, never markup, and a Dismiss button that empties it.
 * The parameter store reports through it, and so do pages without figures (exercise sheets).
 */
import { element, h, patch, type SvgNode } from '../figure-kit/svg';

/** The messages shown, oldest first: the last five (corrections made while typing would otherwise pile up). */
let shown: readonly string[] = [];
const AT_MOST = 5;

/** The box's list: one item per message, as text. */
const listView = (messages: readonly string[]): SvgNode => h('ul', {}, messages.map((m) => h('li', {}, m)));

function render(box: HTMLElement): void {
  const list = box.querySelector('ul') ?? box.insertBefore(element(h('ul')), box.querySelector('button'));
  patch(list, listView(shown));
  box.hidden = shown.length === 0;
}

/** Show plain-text messages in the page's message box. */
export function reportText(...messages: string[]): void {
  const box = document.getElementById('param-messages');
  if (!box || messages.length === 0) return;
  shown = [...shown, ...messages].slice(-AT_MOST);
  render(box);
}

document.querySelector('#param-messages [data-role=dismiss]')?.addEventListener('click', () => {
  shown = [];
  render(document.getElementById('param-messages') as HTMLElement);
});
