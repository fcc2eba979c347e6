// The secret that signs cookies: from the environment, or made once and kept on disk.
import { randomBytes } from "node:crypto"
import { mkdirSync, readFileSync, writeFileSync } from "node:fs"
import { dirname } from "node:path"

/**
 * Reads the secret kept in `file`, creating it (mode 0600) on first use.
 * Keeping it across restarts keeps everyone signed in.
 *
 * @example
 * const secret = process.env.BETTER_AUTH_SECRET || loadOrCreateSecret(".data/secret")
 */
export function loadOrCreateSecret(file: string): string {
  try {
    const saved = readFileSync(file, "utf8").trim()
    if (saved) return saved
    throw new Error(`${file} is empty: delete it to get a new secret, or set BETTER_AUTH_SECRET.`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error
  }
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString("hex")
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" })
  } catch (error) {
    // Another server started at the same moment and wrote first: use its secret.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return loadOrCreateSecret(file)
    throw error
  }
  return secret
}
