// The example server past one machine: two instances on one PostgreSQL database, with Redis as
// better-auth's secondary storage for sessions, both started here (test/services.ts). Cookies
// belong to a host, not a port, so one Chromium context is signed in on both instances, as a
// browser is behind a load balancer. The apps are the React example's; the other bindings run
// the same core.
import { execFileSync } from "node:child_process"
import { randomBytes } from "node:crypto"
import { startServer } from "../../examples/server/src/server"
import { type Service, startPostgresAndRedis } from "../../test/services"
import {
  ada,
  alan,
  deviceEmails,
  expect,
  expectActive,
  grace,
  openApp,
  sessionEmail,
  signInThree,
  signOutAll,
  test,
  ui,
} from "./switcher"

type Instance = Awaited<ReturnType<typeof startServer>>

let postgres: Service
let redis: Service
let one: Instance
let two: Instance
const urlOf = (instance: Instance) => `http://127.0.0.1:${instance.port}`
// What each store holds, read with Debian's own clients.
const sessionsInRedis = () =>
  execFileSync("redis-cli", ["-u", redis.url, "--scan", "--pattern", "multisession-example:*"])
    .toString()
    .split("\n")
    .filter(Boolean).length
const tablesInPostgres = () =>
  execFileSync("psql", [
    postgres.url,
    "-tAc",
    "select table_name from information_schema.tables where table_schema = 'public' order by 1",
  ])
    .toString()
    .split("\n")
    .filter(Boolean)

test.describe.configure({ mode: "serial" })

test.beforeAll(async () => {
  ;[postgres, redis] = await startPostgresAndRedis()
  const shared = {
    port: 0,
    host: "127.0.0.1",
    databaseUrl: postgres.url,
    redisUrl: redis.url,
    // One secret for both: a cookie one instance signs, the other accepts.
    secret: randomBytes(32).toString("hex"),
    log: () => {},
  }
  // One after the other: the first migrates and seeds, the second finds both done.
  one = await startServer({ ...shared, seed: true })
  two = await startServer({ ...shared, seed: true })
})

test.afterAll(async () => {
  await Promise.allSettled([one?.close(), two?.close()])
  await Promise.allSettled([postgres?.stop(), redis?.stop()])
})

test("accounts signed in through one instance are switched and removed through the other", async ({
  context,
  page,
}) => {
  await signInThree(page, urlOf(one), "react")
  const other = await context.newPage()
  await openApp(other, urlOf(two), "react")
  await expectActive(other, alan, [ada, grace, alan])

  await ui(other).entry(grace).getByRole("button", { name: "Switch to Grace Hopper" }).click()
  await expectActive(other, grace, [ada, grace, alan])
  await ui(other).entry(ada).getByRole("button", { name: "Remove Ada Lovelace" }).click()
  await expectActive(other, grace, [grace, alan])

  // The same truth from either instance.
  for (const tab of [page, other]) {
    expect(await sessionEmail(tab)).toBe(grace.email)
    expect(await deviceEmails(tab)).toEqual([alan.email, grace.email])
  }
  await page.reload()
  await expectActive(page, grace, [grace, alan])
  // Sessions and verifications live in Redis only (better-auth makes no table for them): that
  // is what both instances share, with the users and their notes in PostgreSQL.
  expect(sessionsInRedis()).toBeGreaterThanOrEqual(2)
  expect(tablesInPostgres()).toEqual(["account", "note", "user"])

  await signOutAll(other)
  await expect(ui(other).header).toContainText("Not signed in")
  for (const tab of [page, other]) {
    expect(await sessionEmail(tab)).toBeNull()
    expect(await deviceEmails(tab)).toEqual([])
  }
})

test("when one instance stops in the middle, the other goes on and nothing is lost", async ({
  context,
  page,
}) => {
  await signInThree(page, urlOf(one), "react")
  await ui(page).entry(ada).getByRole("button", { name: "Switch to Ada Lovelace" }).click()
  await expectActive(page, ada, [ada, grace, alan])
  await one.close()

  const other = await context.newPage()
  await openApp(other, urlOf(two), "react")
  await expectActive(other, ada, [ada, grace, alan])
  await ui(other).entry(alan).getByRole("button", { name: "Remove Alan Turing" }).click()
  await expectActive(other, ada, [ada, grace])
  await ui(other).entry(grace).getByRole("button", { name: "Switch to Grace Hopper" }).click()
  await expectActive(other, grace, [ada, grace])
  expect(await sessionEmail(other)).toBe(grace.email)
  expect(await deviceEmails(other)).toEqual([ada.email, grace.email])
})
