// Three accounts to sign in with, so the switcher has something to switch between.
import type { Auth } from "./auth"
import { addNote } from "./notes"

/** The password of every demo account. It is a demo: never reuse it. */
export const DEMO_PASSWORD = "multisession-demo"

/**
 * The demo accounts created on first start.
 *
 * @example
 * for (const { name, email } of DEMO_ACCOUNTS) console.log(name, email)
 */
export const DEMO_ACCOUNTS = [
  { name: "Ada Lovelace", email: "ada@example.com" },
  { name: "Grace Hopper", email: "grace@example.com" },
  { name: "Alan Turing", email: "alan@example.com" },
] as const

/** Each demo account's first notes, so every account has its own data to show. */
export const DEMO_NOTES: Record<(typeof DEMO_ACCOUNTS)[number]["email"], string[]> = {
  "ada@example.com": ["Note G: Bernoulli numbers on the Engine", "Write to Mr Babbage"],
  "grace@example.com": ["Relay 70: a moth", "Ask for forgiveness, not permission"],
  "alan@example.com": ["The halting problem is undecidable", "Run on Sunday"],
}

/**
 * Signs up the demo accounts when the database has no users yet.
 * Returns whether it created them.
 *
 * @example
 * if (await seedDemoAccounts(auth)) console.log("demo accounts created")
 */
export async function seedDemoAccounts(auth: Auth): Promise<boolean> {
  const { adapter, internalAdapter } = await auth.$context
  if ((await adapter.count({ model: "user" })) > 0) return false
  for (const account of DEMO_ACCOUNTS) {
    const { user } = await auth.api.signUpEmail({ body: { ...account, password: DEMO_PASSWORD } })
    // Sign-up also signs in; nobody holds that session, so drop it.
    await internalAdapter.deleteUserSessions(user.id)
    for (const text of DEMO_NOTES[account.email]) await addNote(auth, user.id, text)
  }
  return true
}
