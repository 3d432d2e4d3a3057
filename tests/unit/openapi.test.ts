/** @jest-environment node */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// docs/openapi.json is written by hand: these checks keep it honest against
// the route files, in both directions, and internally consistent.

const root = path.join(__dirname, "..", "..");
const spec = JSON.parse(readFileSync(path.join(root, "docs", "openapi.json"), "utf8"));

const routeFileOf = (apiPath: string) =>
  path.join(
    root,
    "app",
    ...apiPath
      .split("/")
      .filter(Boolean)
      .map((segment) => segment.replace(/^\{(.+)\}$/, "[$1]")),
    "route.ts",
  );

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return entry === "route.ts" ? [full] : [];
  });
}

const apiPathOf = (file: string) =>
  "/" +
  path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"))
    .join("/");

/** Each `export const METHOD = apiRoute(…)` of a route file, with its source up to the next export. */
const handlersOf = (source: string) =>
  [...source.matchAll(/export const (\w+) = apiRoute([\s\S]*?)(?=\nexport const |$)/g)].map(([, method, body]) => ({
    method,
    flagged: /apiToken:\s*true/.test(body),
  }));
const flaggedGet = (source: string) =>
  handlersOf(source).some((handler) => handler.method === "GET" && handler.flagged);

describe("docs/openapi.json", () => {
  it("is an OpenAPI 3.1 document with a bearer security scheme applied to every operation", () => {
    expect(spec.openapi).toMatch(/^3\.1\.\d+$/);
    expect(spec.info.title).toBeTruthy();
    expect(spec.components.securitySchemes.universityToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(spec.security).toEqual([{ universityToken: [] }]);
  });

  it("documents the integration endpoints, GET only, each with its errors", () => {
    expect(Object.keys(spec.paths).sort()).toEqual([
      "/api/v1/exports/outcomes.csv",
      "/api/v1/exports/placements.csv",
      "/api/v1/exports/qapl.csv",
      "/api/v1/milestones",
      "/api/v1/outcomes",
      "/api/v1/placements",
      "/api/v1/placements/{id}",
      "/api/v1/placements/{id}/panel-decisions",
      "/api/v1/placements/{id}/progress",
      "/api/v1/progress",
    ]);
    for (const [apiPath, item] of Object.entries<
      Record<
        string,
        { responses: Record<string, unknown>; parameters?: Array<{ in: string; name: string; $ref?: string }> }
      >
    >(spec.paths)) {
      expect(Object.keys(item)).toEqual(["get"]);
      const codes = Object.keys(item.get.responses);
      for (const code of ["200", "401", "403", "429"]) expect(codes).toContain(code);
      // Every {param} in the path is declared as a path parameter.
      const declared = (item.get.parameters ?? [])
        .filter((parameter) => parameter.in === "path")
        .map((parameter) => parameter.name);
      expect(declared.sort()).toEqual([...apiPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort());
    }
    expect(Object.keys(spec.paths["/api/v1/placements/{id}"].get.responses)).toContain("404");
    expect(Object.keys(spec.paths["/api/v1/placements"].get.responses)).toContain("422");
    expect(Object.keys(spec.paths["/api/v1/milestones"].get.responses)).toContain("422");
  });

  it("has no dangling $ref", () => {
    const refs = [...JSON.stringify(spec).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(ref.startsWith("#/")).toBe(true);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], spec);
      expect({ ref, found: target !== undefined }).toEqual({ ref, found: true });
    }
  });

  it("every documented path has a route file whose GET accepts API tokens", () => {
    for (const apiPath of Object.keys(spec.paths)) {
      const file = routeFileOf(apiPath);
      expect({ apiPath, exists: existsSync(file) }).toEqual({ apiPath, exists: true });
      expect({ apiPath, flagged: flaggedGet(readFileSync(file, "utf8")) }).toEqual({ apiPath, flagged: true });
    }
  });

  it("every route that accepts API tokens is documented", () => {
    const flagged = routeFiles(path.join(root, "app", "api", "v1"))
      .filter((file) => readFileSync(file, "utf8").includes("apiToken: true"))
      .map(apiPathOf);
    expect(flagged).toEqual(
      expect.arrayContaining(["/api/v1/placements", "/api/v1/placements/{id}", "/api/v1/milestones"]),
    );
    for (const apiPath of flagged)
      expect({ apiPath, documented: apiPath in spec.paths }).toEqual({ apiPath, documented: true });
  });

  it("the flag is found only on GET handlers", () => {
    const flagged = routeFiles(path.join(root, "app", "api", "v1")).flatMap((file) =>
      handlersOf(readFileSync(file, "utf8"))
        .filter((handler) => handler.flagged)
        .map(({ method }) => ({ file: path.relative(root, file), method })),
    );
    expect(flagged.length).toBeGreaterThan(0);
    for (const handler of flagged) expect(handler).toEqual({ file: handler.file, method: "GET" });
  });
});

describe("the Error schema", () => {
  it("is the body lib/errors.ts answers with: every kind's code, a message, fields and details", async () => {
    const { ERROR_STATUS, errorBody, AppError } = await import("@/lib/errors");
    const error = spec.components.schemas.Error.properties.error;
    expect([...error.properties.code.enum].sort()).toEqual([...Object.keys(ERROR_STATUS), "internal"].sort());
    expect(error.required).toEqual(["code", "message"]);
    const body = errorBody(new AppError("validation", "Check the highlighted fields.", { limit: ["Too big"] }));
    for (const key of Object.keys(body.error)) expect(Object.keys(error.properties)).toContain(key);
  });

  it("is the schema of every documented error response, and each example has a code and a message", () => {
    type Example = { error: { code: string; message: string } };
    type Content = { schema: { $ref: string }; example?: Example; examples?: Record<string, { value: Example }> };
    const responses = spec.components.responses as Record<string, { content: Record<string, Content> }>;
    for (const [name, response] of Object.entries(responses)) {
      const content = response.content["application/json"];
      expect([name, content.schema.$ref]).toEqual([name, "#/components/schemas/Error"]);
      const examples = content.example ? [content.example] : Object.values(content.examples ?? {}).map((e) => e.value);
      for (const example of examples) {
        expect(Object.keys(example)).toEqual(["error"]);
        expect(error(example).code).toMatch(/^[a-z_]+$/);
        expect(error(example).message.length).toBeGreaterThan(10);
      }
    }
  });
});

const error = (example: { error: { code: string; message: string } }) => example.error;
