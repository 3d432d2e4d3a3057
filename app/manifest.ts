import type { MetadataRoute } from "next";

// The web app manifest (/manifest.webmanifest): what makes the app installable
// on a phone (docs/decisions/0015-offline.md). It opens on the home page; without
// a signal the service worker (public/sw.js) shows the offline page instead.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Placement Tracker",
    short_name: "Placements",
    description: "Student social work placements: record supervision, sessions and days, even without a signal.",
    id: "/",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#114649",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
