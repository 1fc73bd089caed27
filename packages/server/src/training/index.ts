/** What other features use of training: the certificates the morning check counts, the default set, the demo's. */
export { platformCertificateExpiries, trainingCertificateExpiries } from './certificates.js';
export { ensureDefaultTraining } from './defaults.js';
