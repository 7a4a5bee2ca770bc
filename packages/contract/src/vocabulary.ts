// The task vocabulary as plain values, without zod: the web app imports these at run time, and
// its bundle should not carry a validation library for a list of words.

export const PRIORITIES = ['none', 'low', 'medium', 'high'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** In the order Date.prototype.getDay counts them. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'every_n_days'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Which tasks a list shows. */
export const TASK_STATUSES = ['all', 'pending', 'completed'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Overdue; due today; due in the next 7 days; no due date. */
export const DUE_FILTERS = ['overdue', 'today', 'week', 'none'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const TASK_SORTS = ['created', 'due', 'priority', 'title'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 4000;
export const TAG_MAX_LENGTH = 32;
export const TAGS_MAX = 20;

/** The longest chat message, in characters. */
export const CHAT_MESSAGE_MAX = 4000;
/** The longest name of a personal API token. */
export const TOKEN_NAME_MAX = 100;
