// Every /api/auth/* request goes to better-auth.
import { toNextJsHandler } from "better-auth/next-js"
import { getAuth } from "../../../../lib/auth"

export const { GET, POST } = toNextJsHandler(async (request) => (await getAuth()).handler(request))
