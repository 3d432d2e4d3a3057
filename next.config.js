// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite and pg are Node-only; keep them out of the server bundle. pdfkit reads its
  // standard-font metrics from files beside its code at run time.
  // pino and prom-client: the HTTP server around Next.js (scripts/server) shares their state with route code.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@prisma/adapter-pg",
    "pdfkit",
    "pino",
    "prom-client",
  ],
  poweredByHeader: false,
  experimental: {
    // proxy.ts answers a larger declared body with a 413 (SERVER_ACTION_MAX_BYTES): keep the two equal.
    serverActions: { bodySizeLimit: "1mb" },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};
module.exports = nextConfig;
