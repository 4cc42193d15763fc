// Each figure or live block may bring a stylesheet of its own: src/styles/parts/<name>.css.
// Imported by the layouts; Vite bundles every matching file into the page CSS.
export const partStyles = Object.keys(import.meta.glob('./parts/*.css', { eager: true }));
