import type { Metadata } from "next"
import type { ReactNode } from "react"
// A stylesheet link in the first HTML: the page looks the same before any script, or without.
import "../../shared/switcher.css"

export const metadata: Metadata = { title: "multisession · Next.js", icons: "data:," }

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
