/**
 * The fake comment pager of the component tests: the same one the Storybook fake API uses (one copy, kept in
 * stories/support/comment-pages.ts), so tests and stories page exactly alike.
 */
export { makeThread, pageComments } from '../../stories/support/comment-pages.js';
