/**
 * The Content Security Policy every page carries (as a <meta http-equiv>, so it works on any
 * static host). Everything comes from the site itself: scripts only from its own files or, for
 * the few lines that must run before the first paint, inline with their SHA-256 hash; no other
 * origin for anything. What the policy still allows, and why:
 * - style-src 'unsafe-inline': KaTeX and the figures set style attributes, and the layouts inline
 *   the figures' small stylesheets;
 * - img-src data: blob:: the favicon is a data: URL, and the PNG export draws the figure's SVG
 *   from a blob: URL;
 * - font-src data:: fonts embedded in an exported figure.
 * - worker-src 'self': a figure may compute in a Web Worker (a module script from the site's own
 *   files; never a blob: or data: URL).
 * TensorFlow.js needs nothing more: its cpu and webgl backends evaluate no strings, and the wasm
 * backend (the one that would need 'wasm-unsafe-eval') is not shipped.
 */

/** The policy for a page whose inline scripts have these hashes (base64 SHA-256, without prefix). */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const hashes = [...new Set(scriptHashes)].map((h) => `'sha256-${h}'`);
  return [
    "default-src 'self'",
    `script-src ${["'self'", ...hashes].join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
