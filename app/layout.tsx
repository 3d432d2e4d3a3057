import type { Metadata } from "next";
import { headers } from "next/headers";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = {
  title: { default: "Placement Tracker", template: "%s · Placement Tracker" },
  description: "Student social work placements in a children's-services team",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The id the server gave this request (scripts/server/app-server.ts): error pages show it for users to quote.
  const requestId = (await headers()).get("x-request-id");
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
        {requestId ? <meta name="request-id" content={requestId} /> : null}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2"
        >
          Skip to main content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
