/**
 * The calculator's edits as pure functions of the stack: each returns a new stack and leaves the
 * one it was given as it was (the lib's insertLayer, moveLayer and removeLayer do the same).
 */
import { KIND_FIELDS, LIMITS, defaultLayer, type Stack, type StackKind, type StackLayer } from '../../lib/stack';

export type NumField = 'k' | 'out' | 'groups' | 'stride' | 't' | 'from';
export const NUM_FIELDS: readonly NumField[] = ['k', 'out', 'groups', 'stride', 't', 'from'];
export const FIELD_MAX: Readonly<Record<NumField, number>> = { k: LIMITS.k, out: LIMITS.out, groups: LIMITS.groups, stride: LIMITS.stride, t: LIMITS.t, from: LIMITS.rows };

/** Whether a link can carry this value of a field as it is: a whole number from 1 (from 0 for a branch's row) up to its limit. */
export function readsBack(field: NumField, v: number): boolean {
  return Number.isSafeInteger(v) && v >= (field === 'from' ? 0 : 1) && v <= FIELD_MAX[field];
}

/** A whole number of up to 9 digits as typed, else NaN (which makes the row invalid, with a reason). */
export function readCount(text: string): number {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : Number.NaN;
}

/** The stack with layer i replaced. */
export function setLayer(s: Stack, i: number, layer: StackLayer): Stack {
  return { ...s, layers: s.layers.map((l, j) => (j === i ? layer : l)) };
}

/** The stack with one input size changed. */
export function setInput(s: Stack, key: 'h' | 'w' | 'c', value: number): Stack {
  return { ...s, input: { ...s.input, [key]: value } };
}

/** The stack with or without a BatchNorm after every convolution. */
export function setBn(s: Stack, bn: boolean): Stack {
  return { ...s, bn };
}

/**
 * A number field of a layer as the reader typed it: '' clears an optional field (out, from); a
 * number beyond its limit or not a whole number becomes NaN, so the row is invalid and says why.
 */
export function setNumber(l: StackLayer, field: NumField, text: string): StackLayer {
  const v = readCount(text);
  if ((field === 'from' || field === 'out') && text.trim() === '') return { ...l, [field]: null };
  return { ...l, [field]: field !== 'from' && v > FIELD_MAX[field] ? Number.NaN : v };
}

/** A new kind keeps what still makes sense (out, stride, padding, branch, k) and takes its defaults otherwise. */
export function changeKind(old: StackLayer, kind: StackKind): StackLayer {
  const next = { ...defaultLayer(kind) };
  const uses = KIND_FIELDS[kind];
  if (uses.includes('out') && old.out !== null && Number.isSafeInteger(old.out) && next.out !== null) next.out = old.out;
  if (uses.includes('stride') && Number.isSafeInteger(old.stride)) next.stride = old.stride;
  if (uses.includes('padding')) next.padding = old.padding;
  if (uses.includes('from')) next.from = old.from;
  if (uses.includes('k') && KIND_FIELDS[old.kind].includes('k') && Number.isSafeInteger(old.k)) next.k = old.k;
  return next;
}
