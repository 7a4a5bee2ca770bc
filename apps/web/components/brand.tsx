// The app's name and mark, linking home.
import Link from 'next/link';

export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold text-fg">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-7">
        <rect width="32" height="32" rx="7" fill="var(--accent)" />
        <path
          d="M9 16.5l4.5 4.5L23 11.5"
          fill="none"
          stroke="var(--accent-fg)"
          strokeWidth="3.2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <span>Todo Chatbot</span>
    </Link>
  );
}
