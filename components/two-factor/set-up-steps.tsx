import type { ReactNode } from "react";

/** The instructions and key for adding this account to an authenticator app; the form to confirm goes below. */
export function SetUpSteps({
  secret,
  uri,
  qrCode,
  children,
}: {
  secret: string;
  uri: string;
  qrCode: string;
  children: ReactNode;
}) {
  // Groups of four, as apps show keys: easier to type from the screen.
  const grouped = secret.match(/.{1,4}/g)?.join(" ") ?? secret;
  return (
    <ol className="list-decimal space-y-6 pl-6">
      <li>
        <p>
          Open an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP)
          and add an account.
        </p>
      </li>
      <li>
        <p className="mb-3">Scan this QR code with the app:</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: address drawn on the server */}
        <img
          src={qrCode}
          alt="QR code for your authenticator app. If you cannot scan it, type the key below."
          width={200}
          height={200}
          className="mb-3 border border-gray-300 bg-white"
        />
        <p className="mb-1">Or type this key into the app:</p>
        <p className="mb-3">
          <code
            data-testid="totp-secret"
            data-secret={secret}
            className="rounded bg-gray-100 px-2 py-1 text-lg break-all"
          >
            {grouped}
          </code>
        </p>
        <details>
          <summary className="cursor-pointer text-brand-700 underline">Show the full set-up address</summary>
          <p className="mt-2 text-sm break-all">{uri}</p>
        </details>
      </li>
      <li>
        <p className="mb-3">Enter the 6-digit code the app shows:</p>
        {children}
      </li>
    </ol>
  );
}

/** The ten recovery codes, shown once right after setting up. */
export function RecoveryCodes({ codes, children }: { codes: string[]; children?: ReactNode }) {
  return (
    <div role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-4">
      <h2 className="mb-2 text-xl font-bold">Two-factor sign-in is set up</h2>
      <p className="mb-3">
        Keep these recovery codes somewhere safe (printed, or in a password manager). If you lose your phone, each one
        signs you in once. <strong>They are shown only now.</strong>
      </p>
      <ul aria-label="Your recovery codes" className="mb-4 grid grid-cols-1 gap-2 font-mono sm:grid-cols-2">
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code" className="rounded bg-white px-2 py-1 whitespace-nowrap">
            {code}
          </li>
        ))}
      </ul>
      {children}
    </div>
  );
}
