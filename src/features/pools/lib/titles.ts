/** The pools list's title: its page heading, the pool page's breadcrumb root and the tab title's suffix. */
export const LIST_TITLE = 'eSIM cellular profiles';
