import Link from "next/link";

export default function NotFound() {
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">Page not found</h1>
      <p className="mb-4">The page does not exist, or you do not have access to it.</p>
      <Link href="/" className="text-brand-700 underline">
        Go to your home page
      </Link>
    </div>
  );
}
