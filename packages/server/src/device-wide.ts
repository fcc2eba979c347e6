/**
 * Endpoints that act on the device, not on one tab's account: the header is ignored there and
 * they behave exactly as without this plugin. Signing in or up and switching change the
 * device's active account (what a new tab gets); signing out ends every session on the device;
 * revoking ends the session named in the body (the request holds its multi cookie) and, when
 * that was the device's active one, moves the device to another account.
 */
const DEVICE_WIDE = [
  /^\/sign-in\//,
  /^\/sign-up\//,
  /^\/sign-out$/,
  /^\/multi-session\/(set-active|revoke)$/,
]

export function isDeviceWide(path: string | undefined): boolean {
  return DEVICE_WIDE.some((pattern) => pattern.test(path ?? ""))
}
