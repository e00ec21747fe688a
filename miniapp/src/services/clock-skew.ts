/**
 * Skew from a fetch: the server's clock minus the device's at the midpoint of the request (the server stamped
 * `serverTime` somewhere in between; the midpoint halves the error on a slow network).
 *
 * On its own so that the home page's drop countdown does not pull the member-code engine into the main package.
 */
export function clockSkew(serverTimeIso: string, requestStartedAt: number, responseAt: number): number {
  const server = Date.parse(serverTimeIso);
  if (Number.isNaN(server)) return 0;
  return Math.round(server - (requestStartedAt + responseAt) / 2);
}
