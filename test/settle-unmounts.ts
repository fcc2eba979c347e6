import { afterAll } from "vitest"

// nanostores unmounts a store 1 s after its last listener leaves, and better-auth's
// session atom then removes its listeners from `window`. A file that ends sooner would
// have that run after happy-dom's window is torn down, an unhandled error in the log.
const STORE_UNMOUNT_DELAY = 1_000

afterAll(() => new Promise((resolve) => setTimeout(resolve, STORE_UNMOUNT_DELAY + 50)))
