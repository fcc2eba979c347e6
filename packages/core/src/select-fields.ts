import type { ReadableAtom } from "nanostores"

/**
 * A snapshot reader for `useSyncExternalStore`-style bindings: it hands back the same object
 * while the listed fields stay the same, so a reader of `data` skips the other changes.
 *
 * @example
 * const getSnapshot = selectFields($deviceSessions, ["data"])
 */
export function selectFields<T extends object>(
  $store: ReadableAtom<T>,
  fields?: readonly (keyof T)[],
): () => T {
  let last: T | undefined
  return () => {
    const next = $store.get()
    if (!last || !fields || fields.some((field) => last?.[field] !== next[field])) last = next
    return last
  }
}
