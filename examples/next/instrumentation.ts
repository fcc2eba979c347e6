// Runs once when `next start` starts: the database is opened and migrated then, not on the
// first request. (`next build` loads this too, to prerender; it leaves the database alone.)
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build")
    return
  const { getAuth } = await import("./lib/auth")
  await getAuth()
}
