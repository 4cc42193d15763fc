/**
 * The only inline scripts of the site: a few lines each that must run before the first paint.
 * Head.astro writes them into the page and allows each by its SHA-256 hash in the page's Content
 * Security Policy, so their text here is exactly what the browser hashes.
 */

/** The theme the reader saved with the toggle. */
export const SAVED_THEME = `try{var s=localStorage.getItem('separable-theme');if(s==='light'||s==='dark')document.documentElement.dataset.theme=s}catch(e){}`;

/** Embed options: theme=light|dark, controls=0 (anything else is ignored here and explained by the page script). */
export const EMBED_OPTIONS = `(function(){var q=new URLSearchParams(location.search);var t=q.get('theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t;if(q.get('controls')==='0')document.documentElement.classList.add('no-controls')})();`;

/** Lecture decks: a class that says the deck's script will run, and the layout of a preview frame or the presenter window. */
export const LECTURE = `(function(){var q=new URLSearchParams(location.search);var c=document.documentElement.classList;c.add('js');if(q.has('preview'))c.add('preview');else if(q.get('presenter')==='1')c.add('presenter')})();`;
