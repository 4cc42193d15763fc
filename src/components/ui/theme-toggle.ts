/** Light/dark switch. Follows the system until the reader chooses; the choice is remembered. */
const KEY = 'separable-theme';

const system = window.matchMedia('(prefers-color-scheme: dark)');

class ThemeToggle extends HTMLElement {
  connectedCallback(): void {
    const button = this.querySelector('button');
    if (!button) return;
    const root = document.documentElement;
    const isDark = (): boolean => (root.dataset.theme ? root.dataset.theme === 'dark' : system.matches);
    const show = (): void => button.setAttribute('aria-pressed', String(isDark()));
    button.addEventListener('click', () => {
      const next = isDark() ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Private browsing may refuse storage; the theme still changes for this page.
      }
      show();
    });
    system.addEventListener('change', show);
    show();
    button.hidden = false;
  }
}

customElements.define('theme-toggle', ThemeToggle);
