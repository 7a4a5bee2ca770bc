// The document shell: theme before first paint, system fonts, no remote assets.
import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { ToastProvider } from '../components/toast-provider';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Todo Chatbot', template: '%s · Todo Chatbot' },
  description: 'Your tasks, with an assistant that speaks English and Urdu.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f4f5f8' },
    { media: '(prefers-color-scheme: dark)', color: '#0e1014' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets the class and colour scheme before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script src="/theme-init.js" />
      </head>
      <body className="bg-bg font-sans text-fg antialiased">
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
