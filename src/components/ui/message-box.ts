/**
 * The page's message box (ParamMessages.astro, on every page) for values in the link or typed that
 * could not be used as given: plain text only, never markup, and a Dismiss button that empties it.
 * The parameter store reports through it, and so do pages without figures (exercise sheets).
 */

/** Show plain-text messages in the page's message box. */
export function reportText(...messages: string[]): void {
  const box = document.getElementById('param-messages');
  if (!box || messages.length === 0) return;
  const list = box.querySelector('ul') ?? box.insertBefore(document.createElement('ul'), box.querySelector('button'));
  for (const message of messages) {
    const li = document.createElement('li');
    li.textContent = message;
    list.appendChild(li);
  }
  // The last five: corrections made while typing would otherwise pile up.
  while (list.children.length > 5) list.firstElementChild?.remove();
  box.hidden = false;
}

document.querySelector('#param-messages [data-role=dismiss]')?.addEventListener('click', () => {
  const box = document.getElementById('param-messages') as HTMLElement;
  box.hidden = true;
  box.querySelector('ul')?.remove();
});
