import { describe, expect, it } from 'vitest';
import { formatCompact, formatInt, formatPercent, formatTimes, toSignificant } from '../../src/lib/format';

describe('number formatting', () => {
  it('formatInt groups thousands exactly (source article 001: 13,176,900)', () => {
    expect(formatInt(13176900)).toBe('13,176,900');
    expect(formatInt(0)).toBe('0');
    expect(formatInt(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
  });
  it('formatCompact rounds to three significant digits with a prefix (569 M mult-adds, Howard et al. Table 1)', () => {
    expect(formatCompact(568_740_352)).toBe('569 M');
    expect(formatCompact(4_231_976)).toBe('4.23 M');
    expect(formatCompact(2178)).toBe('2.18 k');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(1_500_000_000)).toBe('1.50 G');
  });
  it('toSignificant keeps the asked digits', () => {
    expect(toSignificant(73 / 576, 3)).toBe('0.127');
    expect(toSignificant(8.79, 2)).toBe('8.8');
    expect(toSignificant(0, 3)).toBe('0');
    expect(toSignificant(123.456, 3)).toBe('123');
  });
  it('formatTimes and formatPercent', () => {
    expect(formatTimes(576 / 73)).toBe('7.9×');
    expect(formatTimes(123.4)).toBe('123×');
    expect(formatPercent(0.9486, 2)).toBe('94.86%');
    expect(formatPercent(0.5)).toBe('50.0%');
  });
});
