// Reminder presets relative to the due time, with a custom time for anything else.

export const reminderChoices = [
  { value: 'none', label: 'No reminder', before: undefined },
  { value: 'at_due', label: 'At the due time', before: 0 },
  { value: '10m', label: '10 minutes before', before: 10 * 60_000 },
  { value: '1h', label: '1 hour before', before: 60 * 60_000 },
  { value: '1d', label: '1 day before', before: 24 * 60 * 60_000 },
  { value: 'custom', label: 'At a custom time', before: undefined },
] as const;

export type ReminderChoice = (typeof reminderChoices)[number]['value'];

/** Which preset an existing reminder matches; presets need a due time to count back from. */
export function reminderChoice(remindAt: string | null, dueAt: string | null): ReminderChoice {
  if (!remindAt) return 'none';
  if (!dueAt) return 'custom';
  const before = new Date(dueAt).getTime() - new Date(remindAt).getTime();
  const preset = reminderChoices.find((choice) => choice.before === before);
  return preset?.value ?? 'custom';
}

export function reminderInstant(
  choice: ReminderChoice,
  dueAt: string | null,
  customAt: string | null,
): string | null {
  if (choice === 'none') return null;
  if (choice === 'custom') return customAt;
  const preset = reminderChoices.find((option) => option.value === choice);
  if (!dueAt || preset?.before === undefined) return null;
  return new Date(new Date(dueAt).getTime() - preset.before).toISOString();
}
