/**
 * Bounds shared by the reminder plan, the IPC contract and the main process's state file, in one
 * place so they stay consistent: the delivered log can always hold every key of a full plan.
 */

/** The most reminders one plan hands to the main process; a larger plan is cut to a window that fits. */
export const MAX_PLAN_REMINDERS = 5000;
/** Delivered entries kept beside those of the current plan: the reminder centre's recent history. */
export const MAX_DELIVERED_OUTSIDE_PLAN = 2000;
/** The delivered log never holds more than every key of a full plan plus that history. */
export const MAX_DELIVERED_LOG = MAX_PLAN_REMINDERS + MAX_DELIVERED_OUTSIDE_PLAN;
/** Lengths a notification's texts may have (the contract refuses longer ones). */
export const MAX_REMINDER_TITLE = 200;
export const MAX_REMINDER_BODY = 2000;
