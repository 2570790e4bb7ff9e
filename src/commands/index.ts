export { ReplyTracker } from './ReplyTracker';
export type { ReplyMatch } from './ReplyTracker';
