import { existsSync, rmSync } from "node:fs";
import http from "node:http";
import type { EmbeddedDatabase } from "../../lib/db/embedded-database";

// While the app runs on the embedded database, only its process may open the
// data directory. `npm run backup` asks it for a snapshot over this Unix
// socket beside the directory (mode 0600: only the app's own user). The
// snapshot is PGlite's dump of the directory, taken between two statements:
// exactly what a crash at that instant would leave, from which PostgreSQL
// recovers with every committed transaction (docs/operations.md#backup-and-restore).

export const controlSocketPath = (dataDir: string) => `${dataDir}.control.sock`;

export async function startControlSocket(dataDir: string, embedded: EmbeddedDatabase): Promise<() => Promise<void>> {
  const socketPath = controlSocketPath(dataDir);
  // A socket left by a killed process: the directory lock has already told us it is gone.
  if (existsSync(socketPath)) rmSync(socketPath, { force: true });
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/snapshot") {
      res.writeHead(404).end();
      return;
    }
    embedded.dump().then(
      async (blob) => {
        const bytes = Buffer.from(await blob.arrayBuffer());
        res.writeHead(200, { "Content-Type": "application/gzip", "Content-Length": bytes.length });
        res.end(bytes);
      },
      (error: unknown) => {
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end(error instanceof Error ? error.message : String(error));
      },
    );
  });
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socketPath, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  server.unref();
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(socketPath, { force: true });
    });
}

/** A snapshot from the running app, or null when no app is serving this directory. */
export function snapshotFromRunningApp(dataDir: string): Promise<Buffer | null> {
  const socketPath = controlSocketPath(dataDir);
  if (!existsSync(socketPath)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const request = http.request({ socketPath, path: "/snapshot", method: "POST" }, (response) => {
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        if (response.statusCode === 200) resolve(Buffer.concat(parts));
        else reject(new Error(`The running app could not take a snapshot: ${Buffer.concat(parts).toString()}`));
      });
    });
    // No one listening: a socket file left behind by a killed app.
    request.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNREFUSED" || error.code === "ENOENT" ? resolve(null) : reject(error),
    );
    request.end();
  });
}
