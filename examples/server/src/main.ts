// Starts the example server from environment variables; see README.md for each one.
import { startServer } from "./server"

const env = process.env

try {
  const server = await startServer({
    port: env.PORT ? Number(env.PORT) : 3000,
    host: env.HOST || "127.0.0.1",
    databaseFile: env.DATABASE_FILE || undefined,
    databaseUrl: env.DATABASE_URL || undefined,
    redisUrl: env.REDIS_URL || undefined,
    seed: env.SEED_DEMO_ACCOUNTS !== "false",
    secret: env.BETTER_AUTH_SECRET || undefined,
    baseURL: env.BETTER_AUTH_URL || undefined,
  })

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl+C leaves at once.
    if (stopping) process.exit(1)
    stopping = true
    console.log(`\n${signal}: stopping…`)
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  }
  process.on("SIGINT", stop)
  process.on("SIGTERM", stop)
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
    console.error(`Port ${env.PORT || 3000} is taken. Start with another, e.g. PORT=3100.`)
  } else {
    console.error(error)
  }
  process.exit(1)
}
