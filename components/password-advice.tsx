/** What makes a password acceptable, said before anyone gets it wrong (lib/auth/password-policy.ts). */
export function PasswordAdvice() {
  return (
    <div className="mb-5 rounded border border-gray-300 bg-gray-50 p-4 text-sm">
      <p className="font-semibold">Your new password must:</p>
      <ul className="ml-5 list-disc">
        <li>be at least 12 characters long</li>
        <li>
          not be a common password or an easy pattern such as &ldquo;password1234&rdquo; or &ldquo;qwertyuiop&rdquo;
        </li>
        <li>not contain your name or email address</li>
      </ul>
    </div>
  );
}
