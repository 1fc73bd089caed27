/** The weapp needs none of the browser's extras (see h5-shell.h5.ts, which the H5 build takes instead). */
export function setUpH5Shell(): void {}
