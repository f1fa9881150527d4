/**
 * A value computed the first time a test asks for it. Tests use it for work shared by several tests (publishing a data
 * set) instead of computing it while vitest collects the file: a mutation run counts only failed tests, so a mutant
 * that breaks the shared work must break it inside a test (docs/testing.md, "Reading a survivor").
 */
export function once<T>(make: () => T): () => T {
  let made: {value: T} | undefined;
  return () => (made ??= {value: make()}).value;
}
