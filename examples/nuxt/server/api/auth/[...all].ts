// Every /api/auth/* request goes to better-auth.
import { getAuth } from "../../utils/auth"

export default defineEventHandler(async (event) => (await getAuth()).handler(toWebRequest(event)))
