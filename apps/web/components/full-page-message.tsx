// A centred message for whole-page states: loading, unreachable server, page not found.
import type { ReactNode } from 'react';

export function FullPageMessage({
  title,
  busy = false,
  children,
}: {
  title: string;
  busy?: boolean;
  children?: ReactNode;
}) {
  return (
    <main
      className="flex min-h-dvh flex-col items-center justify-center gap-4 p-6 text-center"
      aria-busy={busy}
    >
      <h1
        className={busy ? 'text-base text-muted' : 'text-xl font-semibold'}
        role={busy ? 'status' : undefined}
      >
        {title}
      </h1>
      {children}
    </main>
  );
}
