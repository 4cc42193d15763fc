import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/lib/answers';
import { EXERCISE_CHAPTERS, divisors, type ComputeExercise, type Exercise } from '../../src/lib/exercises';
import { exercisesFor } from '../../src/components/exercises/localize';

/** The last number of a TeX line, as written (thousands as {,}). */
function lastNumber(tex: string): number {
  const m = /(-?[\d{},.]+)\s*$/.exec(tex.replace(/\\right\\rceil\s*=\s*/g, '= ').trim());
  if (!m) throw new Error(`no number at the end of ${tex}`);
  return Number(m[1].replace(/\{,\}/g, '').replace(/,/g, ''));
}

const computes = (list: Exercise[]): ComputeExercise[] => list.filter((e): e is ComputeExercise => e.kind === 'compute');
const num = (prompt: string, re: RegExp): number => Number(re.exec(prompt)?.[1]);

describe('exercisesFor(chapter, seed)', () => {
  it('gives every chapter 4–8 exercises, with at least one compute and one predict or misconception', () => {
    for (const chapter of EXERCISE_CHAPTERS) {
      const list = exercisesFor(chapter, 1);
      expect(list.length, chapter).toBeGreaterThanOrEqual(4);
      expect(list.length, chapter).toBeLessThanOrEqual(8);
      expect(list.some((e) => e.kind === 'compute'), chapter).toBe(true);
      expect(list.some((e) => e.kind !== 'compute'), chapter).toBe(true);
      expect(new Set(list.map((e) => e.id)).size, `${chapter}: unique ids`).toBe(list.length);
    }
  });

  it('is deterministic: the same seed gives the same exercises', () => {
    for (const chapter of EXERCISE_CHAPTERS) expect(exercisesFor(chapter, 42)).toEqual(exercisesFor(chapter, 42));
  });

  it('for 1,000 seeds: each solution ends in its answer, the answer checks as correct, and no slip equals it', () => {
    for (let seed = 0; seed < 1000; seed++) {
      for (const chapter of EXERCISE_CHAPTERS) {
        for (const e of exercisesFor(chapter, seed)) {
          if (e.kind === 'compute') {
            expect(Number.isFinite(e.answer) && e.answer > 0, `${chapter}/${e.id}@${seed}`).toBe(true);
            const final = lastNumber(e.solution[0]);
            expect(checkAnswer(String(final), e.answer, e.tolerance).status, `${chapter}/${e.id}@${seed}: ${e.solution[0]}`).toBe('correct');
            expect(checkAnswer(String(e.answer), e.answer, e.tolerance).status).toBe('correct');
            for (const slip of e.slips) {
              const verdict = checkAnswer(String(slip.value), e.answer, e.tolerance, e.slips);
              if (verdict.status === 'correct') continue; // a slip that happens to equal the answer for these numbers
              expect(verdict.status).toBe('wrong');
            }
          } else if (e.kind === 'predict') {
            expect(e.correct).toBeGreaterThanOrEqual(0);
            expect(e.correct).toBeLessThan(e.choices.length);
          } else {
            expect(e.choices.filter((c) => c.correct)).toHaveLength(1);
          }
        }
      }
    }
  });

  it('chapter 1: parameters K²·M·N, D_G = ⌈D_F/2⌉ and mult-adds K²·M·N·D_G², derived from the prompt (Howard et al. 2017, eq. 1–2)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const [params, size, macs] = computes(exercisesFor('standard-convolution', seed));
      const k = num(params.prompt, /has (\d+)×/);
      const m = num(params.prompt, /M = (\d+)/);
      const n = num(params.prompt, /N = (\d+)/);
      const df = num(size.prompt, /on a (\d+)×/);
      expect(params.answer).toBe(k * k * m * n);
      expect(size.answer).toBe(Math.ceil(df / 2));
      expect(macs.answer).toBe(k * k * m * n * Math.ceil(df / 2) ** 2);
    }
  });

  it('chapter 1: a reader who uses D_F instead of D_G is told so', () => {
    const macs = computes(exercisesFor('standard-convolution', 3))[2];
    const df = num(computes(exercisesFor('standard-convolution', 3))[1].prompt, /on a (\d+)×/);
    const k = num(macs.prompt, /\((\d+)×/);
    const m = num(macs.prompt, /M = (\d+)/);
    const n = num(macs.prompt, /N = (\d+)/);
    expect(checkAnswer(String(k * k * m * n * df * df), macs.answer, macs.tolerance, macs.slips).feedback).toMatch(/D_F/);
    expect(checkAnswer(String(2 * macs.answer), macs.answer, macs.tolerance, macs.slips).feedback).toMatch(/FLOPs/);
  });

  it('chapter 2: grouped parameters K²·(M/G)·(N/G)·G with G dividing M and N', () => {
    for (let seed = 0; seed < 200; seed++) {
      const [params] = computes(exercisesFor('grouped-convolution', seed));
      const m = num(params.prompt, /M = (\d+)/);
      const n = num(params.prompt, /N = (\d+)/);
      const g = num(params.prompt, /G = (\d+)/);
      expect(m % g).toBe(0);
      expect(n % g).toBe(0);
      expect(params.answer).toBe(9 * (m / g) * (n / g) * g);
    }
  });

  it('chapter 3: separable parameters K²·M + M·N and the ratio 1/N + 1/K² (eq. 5)', () => {
    for (let seed = 0; seed < 200; seed++) {
      const [params, ratio] = computes(exercisesFor('depthwise-separable', seed));
      const k = num(params.prompt, /: (\d+)×/);
      const m = num(params.prompt, /M = (\d+)/);
      const n = num(params.prompt, /N = (\d+)/);
      expect(params.answer).toBe(k * k * m + m * n);
      expect(ratio.answer).toBeCloseTo(1 / n + 1 / (k * k), 12);
    }
    // A reader who gives only the depthwise share (1/N) is told the pointwise share is missing.
    const ratio = computes(exercisesFor('depthwise-separable', 5))[1];
    const n = num(ratio.prompt, /N = (\d+)/);
    expect(checkAnswer(`1/${n}`, ratio.answer, '3sf', ratio.slips).feedback).toMatch(/pointwise layer adds/);
  });

  it('chapter 4: MobileNet V1 at α = 1, 224 would be 569M mult-adds and 4.2M parameters (Howard et al. 2017, Table 1)', () => {
    // Every seed uses α < 1 and a resolution below 224, so the answer is below the full network's.
    for (let seed = 0; seed < 50; seed++) {
      const [macs, params] = computes(exercisesFor('mobilenet-v1', seed));
      expect(macs.answer).toBeLessThan(569_000_000);
      expect(params.answer).toBeLessThan(4_300_000);
    }
  });

  it('chapter 5: the lost fraction is (1 + n)/2ⁿ — 0.75 at n = 2, 0.5 at n = 3, 0.3125 at n = 4', () => {
    const seen = new Map<number, number>();
    for (let seed = 0; seed < 300; seed++) {
      const [lost] = computes(exercisesFor('linear-bottlenecks', seed));
      seen.set(num(lost.prompt, /n = (\d+) dim/), lost.answer);
    }
    expect(seen.get(2)).toBe(0.75);
    expect(seen.get(3)).toBe(0.5);
    expect(seen.get(4)).toBe(0.3125);
  });

  it('chapter 6: inverted residual weights M·tM + 9·tM + tM·N and memory 2·D²·(M + N) bytes', () => {
    for (let seed = 0; seed < 200; seed++) {
      const [params, memory] = computes(exercisesFor('mobilenet-v2', seed));
      const m = num(params.prompt, /: (\d+) channels in/);
      const t = num(params.prompt, /t = (\d+)/);
      const n = num(params.prompt, /, (\d+) channels out/);
      const d = num(memory.prompt, /\((\d+)×/);
      expect(params.answer).toBe(m * t * m + 9 * t * m + t * m * n);
      expect(memory.answer).toBe(2 * (d * d * m + d * d * n));
    }
  });

  it('chapter 7: SeparableConv2D with bias has 9·M + M·N + N parameters (Keras)', () => {
    for (let seed = 0; seed < 100; seed++) {
      const [p] = computes(exercisesFor('xception', seed));
      const n = num(p.prompt, /SeparableConv2D\((\d+), 3\)/);
      const m = num(p.prompt, /on (\d+) input/);
      expect(p.answer).toBe(9 * m + m * n + n);
    }
  });

  it('divisors(n) lists every divisor once, ascending', () => {
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
    expect(divisors(1)).toEqual([1]);
  });
});
