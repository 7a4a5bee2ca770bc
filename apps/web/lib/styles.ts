// Class lists shared by many controls, so buttons and fields look and focus the same everywhere.

export const field =
  'block w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-sm text-fg placeholder:text-muted focus-visible:outline-2 focus-visible:outline-focus disabled:opacity-60';

export const label = 'block text-sm font-medium text-fg';

const button =
  'inline-flex items-center justify-center gap-2 rounded-md px-3 py-2 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-60';

export const primaryButton = `${button} bg-accent text-accent-fg hover:bg-accent-hover`;

export const secondaryButton = `${button} border border-line-strong bg-surface text-fg hover:bg-surface-2`;

export const dangerButton = `${button} border border-danger bg-surface text-danger hover:bg-danger-soft`;

export const iconButton =
  'inline-flex size-9 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-2 hover:text-fg disabled:opacity-60';

export const card = 'rounded-xl border border-line bg-surface';
