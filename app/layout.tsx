import type { Metadata } from "next";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";

export const metadata: Metadata = {
  title: { default: "Placement Tracker", template: "%s · Placement Tracker" },
  description: "Student social work placements in a children's-services team",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="min-h-screen font-sans antialiased">
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
