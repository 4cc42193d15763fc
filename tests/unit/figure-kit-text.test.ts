import { describe, expect, it } from 'vitest';
import { htmlSubscripted } from '../../src/components/figure-kit/text';
import type { SvgNode } from '../../src/components/figure-kit/svg';

const markup = (parts: (SvgNode | string)[]): string => parts.map((p) => (typeof p === 'string' ? p : `<${p.tag}>${p.children.join('')}</${p.tag}>`)).join('');

describe('htmlSubscripted(text)', () => {
  it('sets the paper\'s symbols D_K, D_F, D_G with <sub> (Howard et al. 2017, §3.1 notation)', () => {
    expect(markup(htmlSubscripted('D_K = 3, M = 32, N = 64, D_F = 14'))).toBe('D<sub>K</sub> = 3, M = 32, N = 64, D<sub>F</sub> = 14');
    expect(markup(htmlSubscripted('output D_G'))).toBe('output D<sub>G</sub>');
  });
  it('leaves text without such a symbol, and identifiers from messages, as written', () => {
    expect(htmlSubscripted('no symbol here')).toEqual(['no symbol here']);
    expect(htmlSubscripted('WEBGL_lose_context failed')).toEqual(['WEBGL_lose_context failed']);
    expect(htmlSubscripted('conv_dw_1')).toEqual(['conv_dw_1']);
  });
});
