/**
 * Loading a module that may not exist yet (features other people are building): resolves to
 * its exports, or to a reason it is not available. The specifier is a variable so that the type
 * check does not require the module.
 */

/** A module's exports, or why there are none. */
export type Optional = { ok: true; exports: Record<string, unknown> } | { ok: false; reason: string };

/** Imports `specifier` (relative to this file) if it exists. */
export async function importOptional(specifier: string): Promise<Optional> {
  const url = new URL(specifier, import.meta.url).href;
  try {
    return { ok: true, exports: (await import(url)) as Record<string, unknown> };
  } catch (err) {
    const e = err as { code?: string; message: string };
    if (
      e.code === 'ERR_MODULE_NOT_FOUND' &&
      e.message.includes(specifier.replace(/^(\.\.\/)+/, '').replace(/\.js$/, ''))
    )
      return {
        ok: false,
        reason: `not available: ${specifier.replace(/^(\.\.\/)+/, '')} does not exist yet`,
      };
    return {
      ok: false,
      reason: `not available: importing ${specifier.replace(/^(\.\.\/)+/, '')} failed (${e.message.split('\n')[0]})`,
    };
  }
}

/** The first exported function whose name matches, if any. */
export function exportedFunction(
  exports: Record<string, unknown>,
  names: readonly string[],
  pattern?: RegExp,
): { name: string; fn: (...args: unknown[]) => unknown } | undefined {
  for (const name of names) {
    const fn = exports[name];
    if (typeof fn === 'function') return { name, fn: fn as (...args: unknown[]) => unknown };
  }
  if (!pattern) return undefined;
  for (const [name, fn] of Object.entries(exports)) {
    if (typeof fn === 'function' && pattern.test(name))
      return { name, fn: fn as (...args: unknown[]) => unknown };
  }
  return undefined;
}
