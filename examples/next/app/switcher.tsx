"use client"
// The React example's switcher (examples/react/src), under this app's client and the server's
// payload. Rendered on the server for each request, then hydrated in the browser.
import {
  type DeviceSessionsPayload,
  MultiSessionProvider,
  onAccountChange,
} from "@multisession/react"
import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { App } from "../../react/src/App"
import { FRESH_MS, type Notes } from "../../shared/notes"
import { authClient } from "../lib/auth-client"

export function Switcher({
  payload,
  notes,
}: {
  payload: DeviceSessionsPayload
  notes: Notes | null
}) {
  // One cache per page, so a server render never shares it with another request's. It starts
  // with the notes the server read for the account it rendered (the query Notes.tsx keys by it).
  const [queryClient] = useState(() => {
    const cache = new QueryClient({ defaultOptions: { queries: { staleTime: FRESH_MS } } })
    if (notes) cache.setQueryData(["notes", notes.userId], notes)
    return cache
  })
  // Nothing cached for one account is kept for the next. (In the browser only: on the server
  // the client is shared by every request.)
  useEffect(() => onAccountChange(authClient, () => queryClient.clear()), [queryClient])
  return (
    <QueryClientProvider client={queryClient}>
      <MultiSessionProvider client={authClient} payload={payload}>
        <App client={authClient} subtitle="Next.js example, rendered on the server" />
      </MultiSessionProvider>
    </QueryClientProvider>
  )
}
