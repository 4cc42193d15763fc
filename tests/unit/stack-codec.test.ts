import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeStack, encodeStack, fromTable, MAX_TEXT, toCsv, toMarkdown, type Decoded } from '../../src/lib/stack-codec';
import { codecMessageText } from '../../src/i18n/stack-codec';
import { computeStack, KIND_FIELDS, LIMITS, PRESET_IDS, STACK_KINDS, type Stack, type StackLayer } from '../../src/lib/stack';
import { preset } from '../../src/lib/stack-presets';

const arbLayer: fc.Arbitrary<StackLayer> = fc.record({
  kind: fc.constantFrom(...STACK_KINDS),
  k: fc.integer({ min: 1, max: LIMITS.k }),
  out: fc.option(fc.integer({ min: 1, max: LIMITS.out }), { nil: null }),
  groups: fc.integer({ min: 1, max: 4096 }),
  stride: fc.integer({ min: 1, max: LIMITS.stride }),
  padding: fc.constantFrom('same' as const, 'valid' as const),
  bias: fc.boolean(),
  t: fc.integer({ min: 1, max: LIMITS.t }),
  from: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  // Only kinds that read `from` carry one (a dense layer or a global pool is never a branch).
}).map((l) => (KIND_FIELDS[l.kind].includes('from') ? l : { ...l, from: null }));
const arbStack: fc.Arbitrary<Stack> = fc.record({
  input: fc.record({ h: fc.integer({ min: 1, max: LIMITS.size }), w: fc.integer({ min: 1, max: LIMITS.size }), c: fc.integer({ min: 1, max: 4096 }) }),
  bn: fc.boolean(),
  layers: fc.array(arbLayer, { maxLength: 30 }),
});

/** The messages as an English reader reads them. */
const words = (d: Decoded): string[] => d.messages.map((m) => codecMessageText(m, 'en'));

/** What the tables can carry: `out` only where the kind uses it (pools keep their input channels). */
const tableNormal = (s: Stack): Stack => ({
  ...s,
  layers: s.layers.map((l) => (l.kind === 'maxpool' || l.kind === 'avgpool' || l.kind === 'gap' ? { ...l, out: null } : l)),
});

describe('encodeStack / decodeStack', () => {
  it('round-trips every stack exactly (property)', () => {
    fc.assert(
      fc.property(arbStack, (s) => {
        const d = decodeStack(encodeStack(s));
        expect(d.messages).toEqual([]);
        expect(d.stack).toEqual(s);
      }),
    );
  });

  it.each(PRESET_IDS)('the %s preset comes back with the same totals', (id) => {
    const s = preset(id);
    const back = decodeStack(encodeStack(s)).stack!;
    expect(computeStack(back).totals).toEqual(computeStack(s).totals);
  });

  it('reads a branch on a dense layer or a global pool as no branch: they stay on the main path', () => {
    // 1×1×64 after the pool; a dense layer of 10 outputs read as a branch of row 1 would not match
    // the main path's 64 channels. On the main path it is 64·10 + 10 = 650 parameters, 1×1×10 out.
    const d = decodeStack('v1_7x7x64_gap.r1_fc.n10r1');
    expect(d.stack!.layers.map((l) => l.from)).toEqual([null, null]);
    const r = computeStack(d.stack!);
    expect(r.layers[1].error).toBeUndefined();
    expect(r.layers[1].params).toBe(650);
    expect(r.output).toEqual({ h: 1, w: 1, c: 10 });
    expect(encodeStack(d.stack!)).toBe('v1_7x7x64_gap_fc.n10');
  });

  it('writes a short readable token list, versioned', () => {
    const text = encodeStack(preset('mobilenet-v1'));
    expect(text.startsWith('v1_224x224x3_bn_conv.n32s2_dw_pw.n64_dw.s2_pw.n128_')).toBe(true);
    expect(text).toMatch(/^[A-Za-z0-9._*-]+$/);
    expect(encodeStack(preset('xception'))).toContain('_sep.n728*25_');
    expect(encodeStack(preset('mobilenet-v2')).length).toBeLessThan(300);
    expect(encodeStack(preset('xception')).length).toBeLessThan(400);
  });

  it('refuses another version or a bad header with a message and no stack', () => {
    expect(decodeStack('v2_224x224x3_conv').stack).toBeNull();
    expect(decodeStack('v2_224x224x3_conv').messages).toEqual([{ code: 'link-version', version: '2', reads: 1 }]);
    expect(words(decodeStack('v2_224x224x3_conv'))[0]).toBe('The link was made by calculator format v2; this page reads v1.');
    expect(decodeStack('224x224x3_conv').stack).toBeNull();
    expect(decodeStack('v1_0x224x3_conv').stack).toBeNull();
    expect(decodeStack('v1_224x224').stack).toBeNull();
    expect(decodeStack('').stack).toBeNull();
    expect(decodeStack('v1_' + 'x'.repeat(MAX_TEXT)).stack).toBeNull();
  });

  it('leaves out rows it cannot read, says which, keeps the rest', () => {
    const d = decodeStack('v1_32x32x3_conv.n16_<script>alert(1)</script>_pw.n999999999_dw.k3x_pw.n8');
    expect(d.stack!.layers.map((l) => l.kind)).toEqual(['standard', 'pointwise']);
    expect(d.messages).toHaveLength(3);
    expect(d.messages.map((m) => m.code)).toEqual(['row-left-out', 'row-left-out', 'row-left-out']);
    expect(words(d)[0]).toContain('Row 2');
    expect(words(d)[1]).toBe('Row 2 (“pw.n999999999”) was left out: n999999999 is not a whole number from 0 to 1,000,000.');
    for (const m of words(d)) expect(m.length).toBeLessThan(200);
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (t) => {
        const d = decodeStack(t);
        expect(Array.isArray(d.messages)).toBe(true);
        if (d.stack) expect(() => computeStack(d.stack!)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom('v1', '3x3x3', 'bn', 'conv.k99999', 'ir.t0', 'pw.r7', 'gap', 'fc.n1', '_', '.', 'k', 's2', 'x'), { maxLength: 20 }), (parts) => {
        const d = decodeStack(parts.join('_'));
        if (d.stack) expect(() => computeStack(d.stack!)).not.toThrow();
      }),
    );
  });

  it('names a bad repeat count as a repeat count, whatever follows the *', () => {
    for (const count of ['0', '99999', '301', 'x', '']) {
      const d = decodeStack(`v1_8x8x3_conv*${count}`);
      expect(d.stack!.layers).toEqual([]);
      expect(d.messages).toHaveLength(1);
      expect(d.messages[0]).toMatchObject({ code: 'row-bad-repeat', row: 1, count, limit: LIMITS.rows });
      expect(words(d)[0]).toContain('repeat count');
      expect(words(d)[0]).not.toContain('unknown layer kind');
    }
  });

  it('quotes what it could not read without control or bidirectional characters', () => {
    const d = decodeStack('v1_8x8x3_co\u202env\u0000x_pw');
    expect(words(d)[0]).toContain('“co nv x”');
    for (const m of words(d)) expect(m).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
  });

  it('caps the number of rows', () => {
    const d = decodeStack('v1_8x8x3' + '_gap'.repeat(LIMITS.rows + 5));
    expect(d.stack!.layers).toHaveLength(LIMITS.rows);
    expect(d.messages[0]).toEqual({ code: 'rows-cut', limit: LIMITS.rows });
    expect(words(d)[0]).toBe(`Only the first ${LIMITS.rows} rows were read.`);
    const r = decodeStack('v1_8x8x3_gap*9999_pw*299_conv*2');
    expect(r.stack!.layers.length).toBeLessThanOrEqual(LIMITS.rows);
    expect(r.messages.length).toBeGreaterThan(0);
  });
});

describe('CSV and Markdown', () => {
  it.each(PRESET_IDS)('%s: CSV and Markdown import back to the same stack', (id) => {
    const s = preset(id);
    expect(fromTable(toCsv(s))).toEqual({ stack: tableNormal(s), messages: [] });
    expect(fromTable(toMarkdown(s))).toEqual({ stack: tableNormal(s), messages: [] });
  });

  it('round-trips arbitrary stacks through both tables (property)', () => {
    fc.assert(
      fc.property(arbStack, (s) => {
        expect(fromTable(toCsv(s)).stack).toEqual(tableNormal(s));
        expect(fromTable(toMarkdown(s)).stack).toEqual(tableNormal(s));
      }),
      { numRuns: 60 },
    );
  });

  it('round-trips a stack whose only row had an impossible repeat count (an empty stack)', () => {
    const { stack } = decodeStack('v1_32x32x3_bn_conv.n8*0');
    expect(stack).toEqual({ input: { h: 32, w: 32, c: 3 }, bn: true, layers: [] });
    expect(fromTable(toCsv(stack!))).toEqual({ stack, messages: [] });
    expect(fromTable(toMarkdown(stack!))).toEqual({ stack, messages: [] });
  });

  it('reads yes and no from a fixed list: object keys such as constructor are neither', () => {
    const d = fromTable('kind,k,out,bias,bn\ninput,,,,__proto__,\nstandard,3,8,constructor,no\nstandard,3,8,yes,toString\n');
    expect(d.stack!.bn).toBe(false);
    expect(d.stack!.layers).toHaveLength(1);
    expect(d.stack!.layers[0].bias).toBe(true);
    const text = words(d).join(' ');
    expect(text).toContain('bias “constructor” is not yes or no');
    expect(text).toContain('bn “__proto__” is not yes or no');
    expect(text).toContain('bn “tostring” is not yes or no');
    const input = fromTable('kind,output,bn\ninput,8x8x3,__proto__\nstandard,,\n');
    expect(input.stack!.bn).toBe(false);
    expect(words(input).join(' ')).toContain('bn “__proto__” is not yes or no');
  });

  it('writes exact totals in the last line, and errors as text', () => {
    const csv = toCsv(preset('xception')).trim().split('\n');
    expect(csv.at(-1)).toContain(',22801424,27264,8357403496');
    const bad = toCsv({ input: { h: 8, w: 8, c: 3 }, bn: false, layers: [{ ...preset('mobilenet-v1').layers[0], kind: 'grouped', groups: 2 }] });
    expect(bad).toContain(',error: G = 2 must divide both M = 3 and N = 32.,');
  });

  it('reads a spreadsheet paste (tabs) with only the editable columns', () => {
    const d = fromTable('kind\tk\tout\tstride\nstandard\t3\t16\t2\ngap\t\t\t\nfc\t\t10\t');
    expect(d.stack!.layers.map((l) => l.kind)).toEqual(['standard', 'gap', 'fc']);
    expect(d.stack!.layers[0]).toMatchObject({ k: 3, out: 16, stride: 2 });
    expect(words(d)).toContain('No “input” row: the input is taken as 224 x 224 x 3.');
  });

  it('turns hostile or broken tables into messages, never throws, never keeps markup', () => {
    expect(fromTable('').stack).toBeNull();
    expect(fromTable('hello world').stack).toBeNull();
    const d = fromTable('kind,k,out\n<img src=x onerror=alert(1)>,3,4\nstandard,-1,4\nstandard,3,4\n');
    expect(d.stack!.layers).toHaveLength(1);
    expect(words(d).join(' ')).toContain('unknown layer kind “<img src=x onerror=aler…”');
    expect(words(d)).toContain('Line 3 was left out: k “-1” is not a whole number from 1 to 64.');
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (t) => {
        const r = fromTable('kind,k,out,from,bias\n' + t);
        if (r.stack) expect(() => computeStack(r.stack!)).not.toThrow();
      }),
    );
  });
});
