// The same servers as global-setup.ts, on PostgreSQL with Redis as better-auth's secondary
// storage, two better-auth instances behind each port: what `vitest.scale-out.config.ts`
// runs the model test against. PostgreSQL and Redis are Debian's, started here (services.ts).
import { redisStorage } from "@better-auth/redis-storage"
import { Redis } from "ioredis"
import pg from "pg"
import type { TestProject } from "vitest/node"
import { type Stores, startAuthServer } from "./auth-server"
import { startPostgresAndRedis } from "./services"

export default async function setup(project: TestProject) {
  const [postgres, redis] = await startPostgresAndRedis()
  // Each instance its own pool and its own Redis connection, as separate processes have.
  const stores = (): Stores => {
    const pool = new pg.Pool({ connectionString: postgres.url, max: 4 })
    const client = new Redis(redis.url)
    return {
      database: pool,
      secondaryStorage: redisStorage({ client, keyPrefix: "multisession-test:" }),
      close: async () => {
        await Promise.all([pool.end(), client.quit()])
      },
    }
  }
  const servers: Awaited<ReturnType<typeof startAuthServer>>[] = []
  const stop = async () => {
    await Promise.allSettled(servers.map((server) => server.close()))
    await Promise.allSettled([postgres.stop(), redis.stop()])
  }
  try {
    servers.push(await startAuthServer({ maximumSessions: 3, stores, instances: 2 }))
    servers.push(await startAuthServer({ maximumSessions: 64, stores, instances: 2 }))
  } catch (error) {
    await stop()
    throw error
  }
  const [server, roomy] = servers as [(typeof servers)[number], (typeof servers)[number]]
  project.provide("authURL", server.url)
  project.provide("roomyAuthURL", roomy.url)
  return stop
}
