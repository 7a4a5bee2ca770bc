import Link from 'next/link';
import { FullPageMessage } from '../components/full-page-message';

export default function NotFound() {
  return (
    <FullPageMessage title="Page not found">
      <p className="text-muted">There is nothing at this address.</p>
      <Link href="/" className="font-medium text-accent underline underline-offset-2">
        Go to your tasks
      </Link>
    </FullPageMessage>
  );
}
