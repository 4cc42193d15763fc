/**
 * Embedded figure pages: explain bad embed options, keep the "open in chapter" link in step with
 * the state, and tell the parent page how tall the figure is so its iframe can fit it.
 */
import { currentQuery, params } from './store';
import { reportText } from '../ui/message-box';
import { kitText } from '../../i18n/kit';
import { pageLang } from '../../i18n/page-lang';
import { loadWords } from '../../i18n/figures.load';
import { retryLater } from './lazy';

const q = new URLSearchParams(location.search);
const theme = q.get('theme');
const controls = q.get('controls');
const badTheme = theme !== null && theme !== 'light' && theme !== 'dark';
const badControls = controls !== null && controls !== '0' && controls !== '1';

/** Explain options the embed could not use, in the page's language once its words are here. */
function explain(): void {
  const lang = pageLang();
  loadWords(lang, 'kit').then(
    () => {
      const words = kitText(lang).embed;
      if (badTheme) reportText(words.badTheme);
      if (badControls) reportText(words.badControls);
    },
    () => retryLater(explain),
  );
}
if (badTheme || badControls) explain();

const back = document.querySelector<HTMLAnchorElement>('[data-role=chapter-link]');
if (back) {
  const base = back.getAttribute('href')?.split(/[?#]/)[0] ?? '/';
  const anchor = back.dataset.anchor ?? '';
  params.subscribe(() => {
    const state = currentQuery()
      .split('&')
      .filter((p) => p && !p.startsWith('theme=') && !p.startsWith('controls='))
      .join('&');
    back.href = `${base}${state ? `?${state}` : ''}${anchor}`;
  });
}

if (window.parent !== window) {
  // The content's own height: the document's scrollHeight never drops below the iframe's.
  const main = document.querySelector('main');
  const content = (): number => {
    const bottom = main ? main.getBoundingClientRect().bottom + window.scrollY : document.body.scrollHeight;
    const pad = parseFloat(getComputedStyle(document.body).paddingBottom) || 0;
    return Math.ceil(bottom + pad);
  };
  let last = 0;
  const post = (): void => {
    const height = content();
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'separable:height', figure: document.querySelector<HTMLElement>('[data-figure]')?.dataset.figure, height }, '*');
  };
  const watch = new ResizeObserver(post);
  watch.observe(document.body);
  if (main) watch.observe(main);
  post();
}
