// Sessions in Redis, for several server instances on one PostgreSQL database: better-auth's
// own `@better-auth/redis-storage` over ioredis, as its `secondaryStorage`.
import { redisStorage } from "@better-auth/redis-storage"
import { Redis } from "ioredis"

export interface OpenStorage {
  secondaryStorage: ReturnType<typeof redisStorage>
  /** Where the sessions live, for the start-up log. No password ever appears here. */
  label: string
  close: () => Promise<void>
}

/**
 * Connects to Redis at `redisUrl` (`redis://host:6379`, `rediss://` for TLS).
 *
 * @example
 * const storage = openSecondaryStorage("redis://127.0.0.1:6379")
 * const auth = betterAuth({ database, secondaryStorage: storage.secondaryStorage })
 */
export function openSecondaryStorage(redisUrl: string): OpenStorage {
  // Commands wait for the connection instead of failing while it is being made.
  const client = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 })
  const url = new URL(redisUrl)
  return {
    secondaryStorage: redisStorage({ client, keyPrefix: "multisession-example:" }),
    label: `Redis ${url.host}`,
    close: async () => {
      await client.quit()
    },
  }
}
