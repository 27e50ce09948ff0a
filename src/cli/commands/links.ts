// Kept for imports from before the engine moved out of cli/: the link stage lives in engine/check-links.ts.
export {
  runLinkChecks,
  type LinkCheckInput as LinksCommandInput,
  type LinkCheckOutput as LinksCommandOutput,
} from '../../engine/check-links.js';
