// Debian's PostgreSQL and Redis, started by the tests themselves: each on a loopback port of
// its own, its data in a temp folder, stopped and removed at the end. `.ci/run` installs the
// packages (`postgresql`, `redis-server`) when they are missing.
import { execFileSync, spawn } from "node:child_process"
import { once } from "node:events"
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { createServer, Socket } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"

export interface Service {
  url: string
  stop(): Promise<void>
}

/** A free loopback port: the kernel picks one, and it is released for the service to take. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1")
  await once(server, "listening")
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

// Debian keeps PostgreSQL's programs under /usr/lib/postgresql/<major>/bin, off the PATH.
function postgresBin(program: string): string {
  const root = "/usr/lib/postgresql"
  const majors = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  for (const major of majors) {
    const path = join(root, major, "bin", program)
    if (existsSync(path)) return path
  }
  throw new Error(
    `PostgreSQL's ${program} is missing: install Debian's postgresql (apt-get install -y postgresql).`,
  )
}

async function accepts(port: number): Promise<boolean> {
  const socket = new Socket()
  try {
    socket.connect(port, "127.0.0.1")
    await once(socket, "connect")
    return true
  } catch {
    return false
  } finally {
    socket.destroy()
  }
}

async function listening(port: number, what: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await accepts(port))) {
    if (Date.now() > until) throw new Error(`${what} did not start on port ${port}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Starts PostgreSQL and Redis together; if one fails, the other is stopped before the error.
 *
 * @example
 * const [postgres, redis] = await startPostgresAndRedis()
 */
export async function startPostgresAndRedis(): Promise<[Service, Service]> {
  const started = await Promise.allSettled([startPostgres(), startRedis()])
  const failed = started.find((result) => result.status === "rejected")
  if (failed) {
    for (const result of started) if (result.status === "fulfilled") await result.value.stop()
    throw failed.reason
  }
  return started.map((result) => (result as PromiseFulfilledResult<Service>).value) as [
    Service,
    Service,
  ]
}

/**
 * Starts a throwaway PostgreSQL cluster (trust auth, no fsync: nothing here must survive).
 * As root, it runs as Debian's `postgres` user, since PostgreSQL refuses to run as root.
 *
 * @example
 * const pg = await startPostgres()
 * process.env.DATABASE_URL = pg.url
 * await pg.stop()
 */
export async function startPostgres(): Promise<Service> {
  // Under /tmp itself: a short path (the socket's name has a length limit) that the
  // `postgres` user can reach, whatever TMPDIR says.
  const dir = mkdtempSync("/tmp/multisession-pg-")
  const asRoot = process.getuid?.() === 0
  const run = (program: string, args: string[]) =>
    execFileSync(
      asRoot ? "runuser" : postgresBin(program),
      asRoot ? ["-u", "postgres", "--", postgresBin(program), ...args] : args,
      { stdio: "pipe" },
    )
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString())
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString())
    chownSync(dir, uid, gid)
    chmodSync(dir, 0o700)
  }
  const data = join(dir, "data")
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
  const port = await freePort()
  const stop = async () => {
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  run("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`,
    "-w",
    "start",
  ])
  try {
    await listening(port, "PostgreSQL")
  } catch (error) {
    await stop().catch(() => {})
    throw error
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop }
}

/**
 * Starts a throwaway Redis (no persistence) as a child process.
 *
 * @example
 * const redis = await startRedis()
 * process.env.REDIS_URL = redis.url
 * await redis.stop()
 */
export async function startRedis(): Promise<Service> {
  const program = "/usr/bin/redis-server"
  if (!existsSync(program)) {
    throw new Error(
      "redis-server is missing: install Debian's redis-server (apt-get install -y redis-server).",
    )
  }
  const dir = mkdtempSync(join(tmpdir(), "multisession-redis-"))
  const port = await freePort()
  const child = spawn(
    program,
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--save",
      "",
      "--appendonly",
      "no",
      "--dir",
      dir,
    ],
    // Its log goes to the test's output only when it fails to start (see below).
    { stdio: ["ignore", "pipe", "pipe"] },
  )
  let log = ""
  child.stdout?.on("data", (chunk) => (log += chunk))
  child.stderr?.on("data", (chunk) => (log += chunk))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM")
      await once(child, "exit")
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await listening(port, "Redis")
  } catch (error) {
    await stop()
    throw new Error(`${(error as Error).message}:\n${log}`)
  }
  return { url: `redis://127.0.0.1:${port}`, stop }
}
