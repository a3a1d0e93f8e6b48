/**
 * Small readers for untrusted JSON: each returns the typed value or throws a `CatalogDataError`
 * naming the file and the field, so a broken data file fails loudly and precisely.
 */
import { CatalogDataError } from './dataSource';

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a JSON object, or a `CatalogDataError` naming `where`. */
export function readRecord(value: unknown, file: string, where: string): Readonly<Record<string, unknown>> {
  if (!isRecord(value)) throw new CatalogDataError(file, `expected an object at ${where}`);
  return value;
}

/** The field as a string, or a `CatalogDataError`. */
export function readString(value: unknown, file: string, where: string): string {
  if (typeof value !== 'string') throw new CatalogDataError(file, `expected a string at ${where}`);
  return value;
}

/** The field as a boolean, or a `CatalogDataError`. */
export function readBoolean(value: unknown, file: string, where: string): boolean {
  if (typeof value !== 'boolean') throw new CatalogDataError(file, `expected a boolean at ${where}`);
  return value;
}

/** The field as an array of strings, or a `CatalogDataError`; `undefined` reads as `[]` when `optional`. */
export function readStrings(value: unknown, file: string, where: string, optional = false): readonly string[] {
  if (value === undefined && optional) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new CatalogDataError(file, `expected an array of strings at ${where}`);
  }
  return value;
}

/** The field as an array, or a `CatalogDataError`. */
export function readArray(value: unknown, file: string, where: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new CatalogDataError(file, `expected an array at ${where}`);
  return value;
}
