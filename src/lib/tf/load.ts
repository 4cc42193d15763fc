/**
 * The only place the browser imports TensorFlow.js. Everything is a dynamic `import()`, so Vite
 * emits separate chunks and nothing TF-related loads for a reader who never starts a live block
 * (toolchain notes §4.3); nothing here touches the DOM, so it also runs under Vitest in Node.
 *
 * Backends are tried in the caller's order; `tf.setBackend` resolves false (or throws) when a
 * backend cannot initialise, e.g. webgl in headless Chromium or in Node, where
 * tfjs-backend-webgl does not even register itself (it checks `isBrowser()`). Each failure is
 * kept with its reason so the page can say which backend ran and why.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfUnion from '@tensorflow/tfjs';

/** The tfjs-core namespace; every runner in src/lib/tf takes one as its first argument. */
export type Tf = typeof TfCore;

/** The full '@tensorflow/tfjs' namespace (core + layers + converter + data + cpu + webgl). */
export type TfLayers = typeof TfUnion;

/** A backend the site knows how to ask for. */
export type BackendName = 'webgl' | 'cpu' | 'wasm';

/**
 * Why a backend did not run: a code the page words in its language (src/i18n/live.*.ts), and the
 * browser's or tfjs's own message where there is one.
 */
export type BackendFailureReason =
  /** The site does not ship this backend's module (wasm). */
  | { readonly code: 'not-bundled' }
  /** Its module could not be imported; `detail` is the error's message. */
  | { readonly code: 'not-loaded'; readonly detail: string }
  /** `tf.setBackend` resolved false: the backend did not initialise on this device. */
  | { readonly code: 'no-init' }
  /** Initialising it threw; `detail` is the error's message. */
  | { readonly code: 'init-error'; readonly detail: string };

/** A backend that was tried and did not run, and why. */
export interface BackendFailure {
  readonly backend: BackendName;
  readonly reason: BackendFailureReason;
}

/** tfjs, the backend that is running, and the backends tried before it that failed. */
export interface LoadedTf<T> {
  readonly tf: T;
  readonly backend: BackendName;
  readonly failed: readonly BackendFailure[];
}

/** How to load each backend's module; tests and a future wasm build can replace one. */
export type BackendImporters = Partial<Record<BackendName, () => Promise<unknown>>>;

/** Options of loadTf / loadTfLayers. */
export interface LoadTfOptions {
  /** Backends in order of preference (default webgl, then cpu). */
  readonly preferred?: readonly BackendName[];
  /** Override how a backend's module is imported (default: the bundled packages). */
  readonly importers?: BackendImporters;
}

/** A failure as a developer reads it in a log: `webgl (no-init)`, `wasm (not-loaded: offline)`. */
const logText = (f: BackendFailure): string => `${f.backend} (${f.reason.code}${'detail' in f.reason ? `: ${f.reason.detail}` : ''})`;

/**
 * Thrown when no preferred backend could run; `failed` says why for each (the page words it from
 * there; `message` is for logs).
 */
export class TfUnavailableError extends Error {
  readonly failed: readonly BackendFailure[];
  constructor(failed: readonly BackendFailure[]) {
    super(`TensorFlow.js could not run here: ${failed.map(logText).join('; ') || 'no backend was requested'}`);
    this.name = 'TfUnavailableError';
    this.failed = failed;
  }
}

/** Default order: the GPU if it initialises, else the always-available cpu backend. */
export const DEFAULT_BACKENDS: readonly BackendName[] = ['webgl', 'cpu'];

/** What the default importer of a backend the site does not ship rejects with. */
class NotBundledError extends Error {
  constructor(backend: BackendName) {
    super(`the ${backend} backend is not bundled with this site`);
    this.name = 'NotBundledError';
  }
}

/**
 * The bundled backends. wasm is not a dependency of the site (its .wasm binaries would need
 * serving and `setWasmPaths`, toolchain notes §4.5), so it fails as 'not-bundled' unless an
 * importer is passed in.
 */
const DEFAULT_IMPORTERS: Required<BackendImporters> = {
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: () => Promise.reject(new NotBundledError('wasm')),
};

/**
 * loadTf({ preferred }): tfjs-core plus the first of the preferred backends that initialises.
 * Resolves `{ tf, backend, failed }`; rejects with TfUnavailableError when none runs.
 */
export async function loadTf(options: LoadTfOptions = {}): Promise<LoadedTf<Tf>> {
  const tf = await import('@tensorflow/tfjs-core');
  return selectBackend(tf, options);
}

/**
 * loadTfLayers({ preferred }): the full '@tensorflow/tfjs' namespace (needed for `tf.layers`,
 * e.g. the live MobileNet model), with the same backend selection as loadTf.
 */
export async function loadTfLayers(options: LoadTfOptions = {}): Promise<LoadedTf<TfLayers>> {
  const tf = await import('@tensorflow/tfjs');
  return selectBackend(tf, options);
}

/** selectBackend(tf, { preferred }): tries each backend in order on an already loaded tfjs. */
export async function selectBackend<T extends Tf>(tf: T, options: LoadTfOptions = {}): Promise<LoadedTf<T>> {
  const preferred = options.preferred ?? DEFAULT_BACKENDS;
  const importers = { ...DEFAULT_IMPORTERS, ...options.importers };
  // In Node (tests, scripts) silence tfjs's "use tfjs-node" banner. In a browser keep tfjs's
  // console warnings: they carry the detailed reason a backend failed, which setBackend drops.
  if (typeof window === 'undefined') tf.enableProdMode();
  const failed: BackendFailure[] = [];
  for (const backend of preferred) {
    try {
      await importers[backend]();
    } catch (e) {
      failed.push({ backend, reason: e instanceof NotBundledError ? { code: 'not-bundled' } : { code: 'not-loaded', detail: message(e) } });
      continue;
    }
    try {
      const ok = await tf.setBackend(backend);
      if (!ok) {
        failed.push({ backend, reason: { code: 'no-init' } });
        continue;
      }
      await tf.ready();
      return { tf, backend, failed };
    } catch (e) {
      failed.push({ backend, reason: { code: 'init-error', detail: message(e) } });
    }
  }
  throw new TfUnavailableError(failed);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Priority tfjs-backend-webgl registers itself with (its base.ts: registerBackend('webgl', …, 2)). */
const WEBGL_PRIORITY = 2;

/** What releaseBackendMemory reads of tfjs-backend-webgl's backend (4.x): its texture pool, and the WebGL context the pool allocates in. */
interface WebGlBackendParts {
  getTextureManager?: () => TexturePool | undefined;
  textureManager?: TexturePool;
  gpgpu?: unknown;
}
/** tfjs-backend-webgl's TextureManager: `dispose` deletes every texture it holds, used or free. */
interface TexturePool {
  dispose(): void;
}

/**
 * releaseBackendMemory(tf): when the running backend is webgl and no tensor lives on it any more,
 * delete the textures it keeps for reuse (after a MobileNet run at α 1, 224, about 113 MB): a
 * disposed tensor returns its texture to that pool, not to the GPU. The backend gets an empty pool
 * of the same kind and keeps the WebGL programs it compiled, so the next run does not compile them
 * again. (Replacing the whole backend frees the textures too, but tfjs's dispose deletes every
 * compiled program as well: each later run compiled them all again.) A backend whose pool cannot be
 * reached that way is replaced by a fresh one of the same factory. Returns whether memory was
 * released; the cpu backend frees its buffers on dispose, so there it does nothing.
 */
export function releaseBackendMemory(tf: Tf): boolean {
  const name = tf.getBackend();
  if (name !== 'webgl' || tf.backend().numDataIds() > 0) return false;
  const backend = tf.backend() as unknown as WebGlBackendParts;
  const pool = backend.getTextureManager?.();
  if (pool && backend.textureManager === pool && backend.gpgpu !== undefined) {
    const Pool = pool.constructor as new (gpgpu: unknown) => TexturePool;
    pool.dispose();
    backend.textureManager = new Pool(backend.gpgpu);
    return true;
  }
  const factory = tf.findBackendFactory(name);
  if (!factory) return false;
  tf.removeBackend(name);
  tf.registerBackend(name, factory, WEBGL_PRIORITY);
  return true;
}

/**
 * tfjs-layers' module of names, with what the site's build adds to it (scripts/tfjs-names.mjs):
 * tfjs-layers names every symbolic tensor and weight uniquely (`conv1/conv1`, `conv1/conv1_1`, …)
 * and keeps every name it has given in a Map that tfjs never empties.
 */
export interface LayersNames {
  /** Forget every name given so far. */
  readonly forgetTensorNames?: () => void;
  /** How many names are kept now. */
  readonly tensorNameCount?: () => number;
}

/** The module that keeps the names (the same module instance the bundled tf.layers uses). */
export const loadLayersNames = async (): Promise<LayersNames> =>
  // Its declared types do not know what the build adds, hence optional members and this cast.
  (await import('@tensorflow/tfjs-layers/dist/common.js')) as unknown as LayersNames;

/**
 * forgetLayersNames(tf, names): when no variable is registered with tfjs any more (no layers
 * model or weight is alive, so no name can clash), empty tfjs-layers' record of the names it has
 * given; otherwise MobileNet V1's ~220 names stay for good after every build. Returns whether it
 * emptied it.
 */
export function forgetLayersNames(tf: Tf, names: LayersNames): boolean {
  if (!names.forgetTensorNames || Object.keys(tf.engine().registeredVariables).length > 0) return false;
  names.forgetTensorNames();
  return true;
}
