// Property tests draw their cases from one seed: every run of the test command, here and in CI,
// tries the same cases, and a failure reproduces. `FC_SEED=<n> npm run test:unit` tries others
// (fast-check names the seed and the smallest failing case when a property fails).
import fc from 'fast-check';

const seed = Number(process.env.FC_SEED ?? 1);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${process.env.FC_SEED}"`);
fc.configureGlobal({ seed });
