/** The regulator subpackage's page addresses. */
export const inspectUrl = (venueId: string, name: string) =>
  `/regulator/inspect/index?venueId=${encodeURIComponent(venueId)}&name=${encodeURIComponent(name)}`;
