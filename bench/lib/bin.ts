import { existsSync } from "node:fs"
import { join } from "node:path"

const BENCH = join(import.meta.dirname, "..")

/**
 * A tool's executable where pnpm links it: the bench's own under bench/, tsx and vitest at the
 * root (they are the root's dependencies). Both are looked in, so a clean install runs the bench.
 *
 * @example
 * spawnSync(bin("vitest"), ["run"], { cwd: BENCH })
 */
export function bin(name: string): string {
  const found = [BENCH, join(BENCH, "..")]
    .map((dir) => join(dir, "node_modules/.bin", name))
    .find((path) => existsSync(path))
  if (!found) throw new Error(`bench: ${name} is not installed; run npx -y pnpm@10.34.9 install`)
  return found
}
