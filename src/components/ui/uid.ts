let counter = 0;

/** A unique id for labels and descriptions in build-time markup (several controls per page). */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter.toString(36)}`;
}
