import { describe, expect, it } from 'vitest';
import { layerTableView } from './table-view';
import { liveEn } from '../../../i18n/live.en';
import { liveZh } from '../../../i18n/live.zh';
import { findAll } from '../../figure-kit/testing';
import { quantityNode, role, textOf } from '../../../../tests/unit/support/tree';

describe('layerTableView({ alpha, res }, strings)', () => {
  it('28 rows and the totals of Howard et al. 2017, Table 1 at α 1, 224: 4,210,088 parameters, 568,740,352 mult-adds', () => {
    const tree = layerTableView({ alpha: 1, res: 224 }, liveEn.layerTable);
    expect(findAll(role(tree, 'rows'), (n) => n.tag === 'tr')).toHaveLength(28);
    expect(quantityNode(tree, 'params').attrs['data-exact']).toBe('4210088');
    expect(textOf(quantityNode(tree, 'macs'))).toBe('568,740,352');
    expect(textOf(findAll(tree, (n) => n.tag === 'caption')[0])).toBe('MobileNet V1 at α 1, 224×224 (Howard et al. 2017, Table 1; counts computed)');
  });

  it('marks the stride erratum’s type cell, and only that one', () => {
    const bad = findAll(layerTableView({ alpha: 1, res: 224 }, liveEn.layerTable), (n) => n.attrs.class === 'bad');
    expect(bad).toHaveLength(1);
    expect(textOf(bad[0])).toContain('(Table 1: s2)');
  });

  it('a setting the cost model refuses gives its message in one row, and totals without exact values', () => {
    const tree = layerTableView({ alpha: 1, res: 0 }, liveEn.layerTable);
    const rows = findAll(role(tree, 'rows'), (n) => n.tag === 'tr');
    expect(rows).toHaveLength(1);
    expect(textOf(rows[0]).length).toBeGreaterThan(10);
    expect(quantityNode(tree, 'params').attrs['data-exact']).toBeUndefined();
  });

  it('in Chinese: the same numbers under Chinese headings', () => {
    const tree = layerTableView({ alpha: 0.75, res: 192, lang: 'zh' }, liveZh.layerTable);
    expect(findAll(tree, (n) => n.tag === 'th' && n.attrs.scope === 'col').map(textOf)).toEqual(liveZh.layerTable.head);
    expect(textOf(findAll(tree, (n) => n.tag === 'caption')[0])).toContain('α 0.75，192×192');
    // The printed stride the paper gets wrong (Table 1's last depthwise layer at s2) is noted in Chinese.
    expect(findAll(tree, (n) => n.attrs.class === 'bad').map(textOf)).toEqual(['dw s1（表 1：s2）']);
  });
});
