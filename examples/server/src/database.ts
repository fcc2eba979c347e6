// The database better-auth writes to: a SQLite file by default, PostgreSQL when asked.
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import Database from "better-sqlite3"
import pg from "pg"

/** An open database connection, as better-auth accepts it, plus a way to close it. */
export interface OpenDatabase {
  database: Database.Database | pg.Pool
  /** Where the data lives, for the start-up log. No password ever appears here. */
  label: string
  close: () => Promise<void>
}

/**
 * Opens PostgreSQL when `databaseUrl` is given, else the SQLite file (creating its folder).
 *
 * @example
 * const db = openDatabase({ databaseFile: ".data/auth.sqlite" })
 * const auth = betterAuth({ database: db.database })
 */
export function openDatabase(options: {
  databaseFile: string
  databaseUrl?: string
}): OpenDatabase {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl })
    const url = new URL(options.databaseUrl)
    return {
      database: pool,
      label: `PostgreSQL ${url.host}${url.pathname}`,
      close: () => pool.end(),
    }
  }
  mkdirSync(dirname(options.databaseFile), { recursive: true })
  const sqlite = new Database(options.databaseFile)
  // WAL lets readers and the single writer proceed side by side.
  sqlite.pragma("journal_mode = WAL")
  return {
    database: sqlite,
    label: `SQLite ${options.databaseFile}`,
    close: async () => {
      sqlite.close()
    },
  }
}
