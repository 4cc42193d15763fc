/**
 * The link to the other edition keeps where the reader is: the page's parameters (the query) and
 * section (the hash) are copied onto it whenever it may be followed, since sliders change the
 * address without reloading the page.
 */
function follow(link: HTMLAnchorElement): void {
  const base = link.dataset.path ?? link.pathname;
  link.href = `${base}${location.search}${location.hash}`;
}

for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-role="lang-switch"]')) {
  link.dataset.path = link.pathname;
  for (const event of ['pointerdown', 'focus', 'mouseenter', 'contextmenu', 'click']) link.addEventListener(event, () => follow(link));
}
