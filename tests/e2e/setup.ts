// Serves the built site once for all e2e files.
import type { TestProject } from 'vitest/node';
import { existsSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dist = process.env.SEPARABLE_OUT_DIR ?? 'dist';
  if (!existsSync(`${dist}/index.html`)) throw new Error(`No build in ${dist}/: run "npm run build" first.`);
  const { server, url } = (await serve(dist, 0)) as { server: import('node:http').Server; url: string };
  project.provide('baseURL', url);
  project.provide('distDir', dist);
  return async () => {
    await new Promise<void>((ok) => server.close(() => ok()));
  };
}
