// A small static server for the built site (tests and benchmarks). Serves dist/ on 127.0.0.1, text
// gzip-compressed for clients that accept it, as a production host would (Lighthouse times pages
// by the bytes they are sent).
// Usage: node scripts/serve.mjs [dir] [port]   (port 0 picks a free one and prints it)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Types sent compressed (fonts and images are compressed already). */
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.webmanifest', '.wasm']);

/** Start serving `root`; resolves to { server, url }. */
export function serve(root, port = 0) {
  const base = resolve(root);
  // Each file is compressed once, as a host that stores its files compressed sends them: the tests
  // load the same chunks hundreds of times, and compressing them again each time was CPU the
  // browsers waited for. A file that changes on disk (a rebuild) is compressed again.
  const compressed = new Map();
  const gzipped = (path, info, body) => {
    const known = compressed.get(path);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known.gz;
    const gz = gzipSync(body, { level: 6 });
    compressed.set(path, { mtimeMs: info.mtimeMs, size: info.size, gz });
    return gz;
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) {
        res.writeHead(403).end();
        return;
      }
      let info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        path = join(path, 'index.html');
        info = await stat(path).catch(() => null);
      }
      if (!info) {
        // The Chinese edition's own page under /zh/, as hosts that look for the nearest 404.html do.
        const edition = url.pathname.startsWith('/zh/') ? 'zh/404/index.html' : '404.html';
        const body = await readFile(join(base, edition)).catch(() => readFile(join(base, '404.html'))).catch(() => 'Not found');
        res.writeHead(404, { 'content-type': TYPES['.html'] }).end(body);
        return;
      }
      const body = await readFile(path);
      const headers = { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
      if (COMPRESS.has(extname(path)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        res.writeHead(200, { ...headers, 'content-encoding': 'gzip' });
        res.end(gzipped(path, info, body));
        return;
      }
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  return new Promise((ok) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({ server, url: `http://127.0.0.1:${p}` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 4321);
  const { url } = await serve(dir, port);
  process.stdout.write(`Serving ${dir} at ${url}/\n`);
}
