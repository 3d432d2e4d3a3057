import { NextResponse } from "next/server";
import openapi from "@/docs/openapi.json";

// GET /api/v1/openapi.json – the OpenAPI 3.1 description of the university integration API.
// Public on purpose: it holds no data, and a university's developers read it before they have a token.
export function GET() {
  return NextResponse.json(openapi, { headers: { "Cache-Control": "public, max-age=300" } });
}
