import { describe, expect, it } from 'vitest';
import { linearBottlenecksNumbers, mobilenetV1Numbers, mobilenetV2Numbers, percent, printedMark } from '../../src/lib/chapter-numbers';
import { paperFigure } from '../../src/lib/paper-tables';

describe('chapter numbers', () => {
  const v1 = mobilenetV1Numbers();

  it('MobileNet V1: conv weights alone are 4,210,088 − (1024·1000 + 1000) = 3,185,088 (Howard et al. 2017, Table 1: 4.2M with the classifier)', () => {
    expect(v1.fw.paper).toBe(4_210_088);
    expect(v1.convWeights).toBe(3_185_088);
  });

  it('MobileNet V1 with a bias on every convolution: 4,210,088 + 2·10,944 BN + 10,944 biases = 4,242,920 (Keras Applications: 4,253,864 = 4,210,088 + 4·10,944)', () => {
    expect(v1.fw.keras.total).toBe(4_253_864);
    expect(v1.v1.bnChannels).toBe(10_944);
    expect(v1.pytorchWithConvBias).toBe(4_242_920);
  });

  it('a row a chapter names that its table lacks throws instead of printing undefined', () => {
    expect(() => v1.dogs('no such model')).toThrow(/no row/);
    expect(v1.dogs('1.0 MobileNet-224').label).toBe('1.0 MobileNet-224');
  });

  it('printedMark marks a rounded-down figure with ↓ and a differing one with ✗', () => {
    for (const id of ['v1-t6-1-macs', 'v1-t4-conv-macs']) {
      const f = paperFigure(id);
      expect(printedMark(f)).toBe(f.status === 'ok' ? f.printed : `${f.printed} ${f.status === 'truncated' ? '↓' : '✗'}`);
    }
  });

  it('percent prints two significant figures: 0.5 → 50%, 1/64 → 1.6%', () => {
    expect(percent(0.5)).toBe('50%');
    expect(percent(1 / 64)).toBe('1.6%');
  });

  it('MobileNet V2: 17 bottlenecks (Sandler et al. 2018, Table 2: n = 1+2+3+4+3+3+1), the first without expansion: 112²·(32·9 + 32·16) = 10,035,200 mult-adds', () => {
    const v2 = mobilenetV2Numbers();
    expect(v2.sumN).toBe(17);
    expect(v2.block1.multAdds).toBe(112 * 112 * (32 * 9 + 32 * 16));
  });

  it('linear bottlenecks: the active-rows inverse at n = 30 is exact up to rounding, printed as 0', () => {
    const f = linearBottlenecksNumbers(500);
    expect(f.activeErrorAt30).toBe('0');
    expect(f.unharmed15).toBeGreaterThanOrEqual(0);
    expect(f.unharmed15).toBeLessThanOrEqual(200);
  });
});
