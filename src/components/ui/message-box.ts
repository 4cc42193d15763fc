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
  box.hidden = false;
}

document.querySelector('#param-messages [data-role=dismiss]')?.addEventListener('click', (e) => {
  const box = (e.currentTarget as HTMLElement).closest<HTMLElement>('#param-messages');
  if (box) {
    box.hidden = true;
    box.querySelector('ul')?.remove();
  }
});
