// The request's Cookie header as raw `name=value` pairs: the rewrite keeps every cookie it does
// not touch byte for byte, encoding and duplicates included.

export interface CookiePair {
  name: string
  /** The pair as the client sent it. */
  pair: string
}

export function cookiePairs(header: string): CookiePair[] {
  return header
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0)
    .map((pair) => {
      const equals = pair.indexOf("=")
      return { name: (equals === -1 ? pair : pair.slice(0, equals)).trim(), pair }
    })
}

export function joinCookiePairs(pairs: string[]): string {
  return pairs.join("; ")
}
