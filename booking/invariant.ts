// A value the code's own logic guarantees (a guard checked it, a lookup built from the
// same data): if it is missing anyway, that is a bug, reported with what was expected.

export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}`);
  return value;
}
