export { rootProof } from './proof.js';
export { type PublishOptions, publishDailyRoot, publishLedgerRoot } from './publish.js';
export { type PublishedHeads, publishedHeadsOf } from './published-heads.js';
