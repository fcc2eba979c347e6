// The atom subscribers read, the model behind it, and the one dispatch that changes both.
import { atom, type ReadableAtom } from "nanostores"
import { apply, initialModel, type Model, type Patch } from "./model"
import type { DeviceSessionsState } from "./types"
import type { View } from "./view"

export interface Store {
  $view: ReadableAtom<DeviceSessionsState>
  model(): Model
  /** Applies a transition's patch, then tells the subscribers if what they see changed. */
  dispatch(patch: Patch): void
  /** Resolves once neither the list nor the session is being fetched. */
  settled(): Promise<void>
}

/** `onSettled` hears each new state that has settled (the list and the session answered). */
export function createStore(view: View, onSettled: (state: DeviceSessionsState) => void): Store {
  let model = initialModel
  const waiting: (() => void)[] = []
  const $view = atom(view(model))
  const idle = () => !model.listing && !model.sessionBusy
  // An app's listener that throws must not stop this store, nor better-auth's session atom
  // whose change may be what notified it: each listener runs on its own, and its error is
  // reported as an uncaught one would be.
  const listen = $view.listen
  $view.listen = (listener) =>
    listen((...args) => {
      try {
        listener(...args)
      } catch (error) {
        ;(globalThis.reportError ?? console.error)(error)
      }
    })

  function dispatch(patch: Patch): void {
    model = apply(model, patch)
    if (idle()) for (const resolve of waiting.splice(0)) resolve()
    const state = view(model)
    if (state === $view.value) return
    $view.set(state)
    if (idle()) onSettled(state)
  }

  return {
    $view,
    model: () => model,
    dispatch,
    settled: () => new Promise((resolve) => (idle() ? resolve() : waiting.push(resolve))),
  }
}
