import {
  type ComponentType,
  createContext,
  type ReactElement,
  type ReactNode,
  useContext,
} from "react"

/** What both apps are built from. */
export interface AppOptions {
  /** The origin of the auth server (better-auth adds `/api/auth`). */
  baseURL: string
  /** The fetch the auth client sends through (a counting wrapper of the real one). */
  fetch?: typeof fetch
  /** Called in each component's body, once per render. */
  count?: (component: string) => void
}

/**
 * One account-switcher app, ours or the baseline, with the same components on both sides.
 *
 * @example
 * render(app.root(<><app.Switcher /><app.WhoAmI /></>))
 */
export interface BenchApp {
  name: "ours" | "baseline" | "careful"
  /** Wraps `children` in the providers the app needs. */
  root(children: ReactNode): ReactElement
  /** The account list with Switch and Remove buttons and the active account's name. */
  Switcher: ComponentType
  /** better-auth's own `useSession()`. */
  WhoAmI: ComponentType
  /** Uses the list, shows its length: a switch leaves what it shows unchanged. */
  AccountCount: ComponentType
  /** The smallest component that uses the list (and, for the baseline, the session). */
  Subscriber: ComponentType
  /** Signs another account in, plus whatever refetching the app must do by hand. */
  signIn(email: string, password: string): Promise<void>
  /** Signs every account out, plus whatever refetching the app must do by hand. */
  signOut(): Promise<void>
}

/** The render counter the components report to; a no-op outside the render bench. */
export const CountContext = createContext<(component: string) => void>(() => {})

/**
 * Counts one render of `component`; call it first in the component's body.
 *
 * @example
 * function Switcher() { useCountRender("switcher"); … }
 */
export function useCountRender(component: string): void {
  useContext(CountContext)(component)
}
