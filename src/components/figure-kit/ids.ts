/** Figure folders are PascalCase, figure ids kebab-case: V1Architecture ↔ v1-architecture. */
export function figureIdFromFolder(folder: string): string {
  return folder.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The id of the figure whose module lives at …/figures/<Folder>/figure.ts. */
export function figureIdFromPath(path: string): string | undefined {
  const m = /(?:^|\/)([A-Za-z0-9]+)\/figure\.ts$/.exec(path);
  return m ? figureIdFromFolder(m[1]) : undefined;
}
