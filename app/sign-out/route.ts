import { NextResponse } from "next/server";

// Signing out is a plain form POST rather than next-auth's client helper, so
// no page ships next-auth's browser bundle just for a button. Sessions are
// JWTs held only in the cookie: clearing the cookie ends the session.
const SESSION_COOKIES = [
  "next-auth.session-token",
  "__Secure-next-auth.session-token",
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  "next-auth.callback-url",
  "__Secure-next-auth.callback-url",
];

export function POST() {
  // A relative Location keeps the redirect right behind a proxy.
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: "/sign-in", "Cache-Control": "no-store" },
  });
  for (const name of SESSION_COOKIES) {
    response.cookies.set(name, "", {
      maxAge: 0,
      path: "/",
      secure: name.startsWith("__"),
      httpOnly: true,
      sameSite: "lax",
    });
  }
  return response;
}
