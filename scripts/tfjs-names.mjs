// A Vite plugin (used in astro.config.mjs and vitest.config.ts) that lets the site empty the names
// TensorFlow.js Layers remembers. tfjs-layers gives every symbolic tensor and every weight a
// unique name (`conv1/conv1`, then `conv1/conv1_1`, …) and records each name it has given in a
// module-level Map that nothing ever empties: building MobileNet V1 adds about 220 names, so a
// page that builds the model again and again grows by some 15 kB a build, for as long as it is
// open. tfjs offers no call to forget them; this plugin adds one to the module that holds the Map,
// `forgetTensorNames()`, which src/lib/tf/tensor-names.ts calls once no layers model is left.
// The build fails if the module no longer reads as expected (a tfjs upgrade must look again).

/** The module that holds the names, and the Map's declaration in it (tfjs-layers 4.x). */
export const COMMON_MODULE = /[\\/]@tensorflow[\\/]tfjs-layers[\\/]dist[\\/]common\.js$/;
const NAME_MAP = 'const nameMap = new Map();';

/** What is added to the module. */
export const FORGET = `
/** Forget every name given so far (call only when no layers model or weight is alive). */
export function forgetTensorNames() {
    nameMap.clear();
}
/** How many names are remembered now. */
export function tensorNameCount() {
    return nameMap.size;
}
`;

/** The module's code with forgetTensorNames and tensorNameCount added; throws if its Map is not where it was. */
export function addForgetTensorNames(code) {
  if (!code.includes(NAME_MAP)) throw new Error(`tfjs-names: @tensorflow/tfjs-layers/dist/common.js no longer declares "${NAME_MAP}"; see scripts/tfjs-names.mjs`);
  return code + FORGET;
}

/** @returns {import('vite').Plugin} */
export default function tfjsNames() {
  return {
    name: 'separable-tfjs-names',
    enforce: 'pre',
    transform(code, id) {
      if (!COMMON_MODULE.test(id.split('?')[0])) return null;
      return { code: addForgetTensorNames(code), map: null };
    },
  };
}
