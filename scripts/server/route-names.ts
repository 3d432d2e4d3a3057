import { readdirSync } from "node:fs";
import path from "node:path";

// A request's route as a pattern ("/placements/[id]"), for logs and metrics:
// the path itself carries record ids and would give every placement its own
// time series. Read from the app/ directory, so it is the same in development
// and production; anything else is "(static)" or "(unmatched)".

type Route = { pattern: string; regex: RegExp; dynamicSegments: number };

function collect(dir: string, prefix: string[], routes: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
      // Route groups "(auth)" do not appear in the URL.
      const segment = /^\(.*\)$/.test(entry.name) ? [] : [entry.name];
      collect(path.join(dir, entry.name), [...prefix, ...segment], routes);
    } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
      routes.push(`/${prefix.join("/")}`);
    }
  }
}

function toRoute(pattern: string): Route {
  let dynamicSegments = 0;
  const source = pattern
    .split("/")
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return ((dynamicSegments += 3), "?.*");
      if (/^\[\.\.\..+\]$/.test(segment)) return ((dynamicSegments += 2), ".+");
      if (/^\[.+\]$/.test(segment)) return ((dynamicSegments += 1), "[^/]+");
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { pattern, regex: new RegExp(`^${source === "" ? "/" : source}/?$`), dynamicSegments };
}

export function routeNamer(appDir = path.join(process.cwd(), "app")): (pathname: string) => string {
  const patterns: string[] = [];
  collect(appDir, [], patterns);
  // The most specific first: /placements/new before /placements/[id].
  const routes = [...new Set(patterns)].map(toRoute).sort((a, b) => a.dynamicSegments - b.dynamicSegments);
  return (pathname: string) => {
    if (pathname.startsWith("/_next/")) return "(static)";
    if (/^\/[^/]+\.(ico|png|svg|txt|webmanifest|xml)$/.test(pathname)) return "(static)";
    return routes.find((route) => route.regex.test(pathname))?.pattern ?? "(unmatched)";
  };
}
