// Each figure or live block may bring a stylesheet of its own: src/styles/parts/<name>.css.
// The layouts inline them all (a few kB) in one <style> element, so adding a part needs no edit here.
const parts = import.meta.glob<string>('./parts/*.css', { eager: true, query: '?inline', import: 'default' });

export const partStyles: string = Object.keys(parts)
  .sort()
  .map((k) => parts[k])
  .join('\n');
