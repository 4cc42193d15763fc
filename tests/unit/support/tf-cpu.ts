/** Run a test file's TensorFlow.js work on the cpu backend, and optionally check it leaks no tensor. */
import { afterAll, beforeAll, expect } from 'vitest';

interface TfLike {
  enableProdMode(): void;
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  memory(): { numTensors: number };
}

export function useCpuBackend(tf: TfLike, { leakCheck = false }: { leakCheck?: boolean } = {}): void {
  let tensorsAtStart = 0;
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    await tf.ready();
    tensorsAtStart = tf.memory().numTensors;
  });
  if (leakCheck) {
    afterAll(() => {
      // No test in the file may leave a tensor behind.
      expect(tf.memory().numTensors).toBe(tensorsAtStart);
    });
  }
}
