import { describe, expect, it } from 'vitest';
import { echoText, formatCompact, formatInt, formatPercent, formatTimes, toSignificant } from '../../src/lib/format';

describe('number formatting', () => {
  it('formatInt groups thousands exactly (source article 001: 13,176,900)', () => {
    expect(formatInt(13176900)).toBe('13,176,900');
    expect(formatInt(0)).toBe('0');
    expect(formatInt(Number.MAX_SAFE_INTEGER)).toBe('9,007,199,254,740,991');
    expect(formatInt(Number.NaN)).toBe('—');
    expect(formatInt(Number.POSITIVE_INFINITY)).toBe('—');
  });
  it('formatCompact moves to the next prefix when rounding reaches a thousand', () => {
    // MobileNet V1 at α 0.8 and 367 px: 999,836,834 mult-adds, three digits 1.00 G (999.8 M rounds up).
    expect(formatCompact(999_836_834)).toBe('1.00 G');
    expect(formatCompact(999_600)).toBe('1.00 M');
    expect(formatCompact(999_499)).toBe('999 k');
    expect(formatCompact(-999_600)).toBe('-1.00 M');
    expect(formatCompact(999_600_000_000_000)).toBe('1000 T');
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
    // Rounding up past a power of ten keeps the count of digits: 9.996 → 10.0 (three), not 10.00 (four).
    expect(toSignificant(9.996, 3)).toBe('10.0');
    expect(toSignificant(0.09996, 3)).toBe('0.100');
    expect(toSignificant(99.96, 2)).toBe('100');
    expect(toSignificant(-9.996, 3)).toBe('-10.0');
  });
  it('formatTimes and formatPercent', () => {
    expect(formatTimes(576 / 73)).toBe('7.9×');
    expect(formatTimes(123.4)).toBe('123×');
    expect(formatPercent(0.9486, 2)).toBe('94.86%');
    expect(formatPercent(0.5)).toBe('50.0%');
  });
});

describe('echoText(text, max)', () => {
  it('turns control, bidirectional and zero-width characters into spaces (Unicode TR9 explicit formatting characters)', () => {
    expect(echoText('a\u0000b\u001bc\u007fd\u0085e')).toBe('a b c d e');
    expect(echoText('x\u202Egnp.exe')).toBe('x gnp.exe');
    for (const ch of ['\u061c', '\u200b', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff']) {
      expect(echoText(`a${ch}b`)).toBe('a b');
    }
    expect(echoText('a\u202e\u202d\u0000b')).toBe('a b');
  });
  it('keeps ordinary text, including right-to-left letters, and cuts to max characters with an ellipsis', () => {
    expect(echoText('שלום <b>')).toBe('שלום <b>');
    expect(echoText('x'.repeat(30))).toBe(`${'x'.repeat(23)}…`);
    expect(echoText('x'.repeat(30), 5)).toBe('xxxx…');
    expect(echoText('x'.repeat(24))).toBe('x'.repeat(24));
  });
});
