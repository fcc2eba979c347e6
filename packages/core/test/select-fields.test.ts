// selectFields, the snapshot reader the React and Solid bindings hand to their stores: the
// same object while the fields read stay the same, a new one when any of them changes.
import { atom } from "nanostores"
import { expect, test } from "vitest"
import { selectFields } from "../src"

const state = (data: string[], error: string | null, isRefetching = false) => ({
  data,
  error,
  isRefetching,
})

test("hands back the same snapshot while the fields read stay the same", () => {
  const first = state(["ada"], null)
  const $store = atom(first)
  const read = selectFields($store, ["data", "error"])
  expect(read()).toBe(first)
  // Another field changes: the reader of data and error sees no change.
  $store.set({ ...first, isRefetching: true })
  expect(read()).toBe(first)
  // A field read changes: the new state.
  const failed = { ...first, error: "network error" }
  $store.set(failed)
  expect(read()).toBe(failed)
  const other = { ...failed, data: ["bob"] }
  $store.set(other)
  expect(read()).toBe(other)
})

test("without fields, every new state is a new snapshot", () => {
  const first = state(["ada"], null)
  const $store = atom(first)
  const read = selectFields($store)
  expect(read()).toBe(first)
  const next = { ...first, isRefetching: true }
  $store.set(next)
  expect(read()).toBe(next)
})
