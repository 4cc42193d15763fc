/** The site icon as a data URI: no request for it, so decks stay quiet when offline. */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8a3d00"/><rect x="6" y="6" width="6" height="20" fill="#fff"/><rect x="15" y="6" width="11" height="5" fill="#fff"/><rect x="15" y="13.5" width="11" height="5" fill="#fff"/><rect x="15" y="21" width="11" height="5" fill="#fff"/></svg>';

export const FAVICON = `data:image/svg+xml,${encodeURIComponent(SVG)}`;
