import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded database: PGlite (PostgreSQL compiled to WebAssembly) served
// over the PostgreSQL wire protocol on loopback, so the app talks to it through
// the same adapter-pg code path as a real PostgreSQL (docs/decisions/0002).

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
  /** A compressed copy of the whole database, for test templates. */
  dump: () => Promise<Blob>;
};

/**
 * PGlite is single-process: two processes opening one directory corrupt it.
 * A lock file holding the owner's pid guarantees one owner; a lock left by a
 * process that no longer runs is taken over.
 */
function acquireDirectoryLock(dataDir: string): () => void {
  const lockPath = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(lockPath, "utf8"));
      if (owner && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `The embedded database ${dataDir} is in use by process ${owner}. ` +
            `Stop that process first (PGlite allows one process per directory), or set DATABASE_URL to use PostgreSQL.`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Starts PGlite on `dataDir` (or in memory when null) behind a loopback socket. */
export async function startEmbeddedDatabase(options: {
  dataDir: string | null;
  port?: number;
  loadDataDir?: Blob;
  /** Let the process exit while the server is still open (short-lived CLI helpers). */
  unref?: boolean;
}): Promise<EmbeddedDatabase> {
  let releaseLock = () => {};
  if (options.dataDir) {
    const dataDir = path.resolve(options.dataDir);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    releaseLock = acquireDirectoryLock(dataDir);
  }
  try {
    const db = await PGlite.create({
      dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
      loadDataDir: options.loadDataDir,
    });
    // maxConnections above 1: a pool's second connection would otherwise reset the first.
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: options.port ?? 0, maxConnections: 100 });
    await server.start();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    if (options.unref) (server as any).server?.unref();
    const address = server.getServerConn(); // "127.0.0.1:PORT"
    return {
      url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
      dump: async () => (await db.dumpDataDir("gzip")) as Blob,
      stop: async () => {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
