// Small checks for data that crosses a boundary (webview ↔ extension, server → client): what arrives
// is `unknown` until these say otherwise. Pure functions, no `vscode`, no DOM: both sides use them.

export type Check<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when the object has no key outside `allowed` (messages must not carry anything unexpected). */
export function hasOnlyKeys(value: Record<string, unknown>, allowed: readonly string[]): boolean {
  return Object.keys(value).every((key) => allowed.includes(key));
}

export const isStringUpTo =
  (maxLength: number): Check<string> =>
  (value): value is string =>
    typeof value === 'string' && value.length <= maxLength;

export const isNonEmptyStringUpTo =
  (maxLength: number): Check<string> =>
  (value): value is string =>
    typeof value === 'string' && value.length > 0 && value.length <= maxLength;

/** A whole number from 0 up: counts, lines, characters. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

export const isOneOf =
  <T extends string>(choices: readonly T[]): Check<T> =>
  (value): value is T =>
    typeof value === 'string' && (choices as readonly string[]).includes(value);

export const isArrayOf =
  <T>(check: Check<T>, maxLength: number): Check<T[]> =>
  (value): value is T[] =>
    Array.isArray(value) && value.length <= maxLength && value.every((item) => check(item));

/** An absent key, or one that passes `check`. */
export function isOptional<T>(value: unknown, check: Check<T>): value is T | undefined {
  return value === undefined || check(value);
}
