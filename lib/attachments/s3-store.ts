import { createHash, createHmac } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import {
  assertKey,
  AttachmentStoreFullError,
  AttachmentTooLargeError,
  chunksOf,
  type AttachmentStore,
  type StoredObject,
} from "@/lib/attachments/store";

// Attachments in an S3-compatible object store (ATTACHMENT_STORE=s3;
// docs/operations.md#attachments). Uploads go up as a multipart upload in
// parts of 5 MiB (S3's smallest part but the last), so at most one part is in
// memory; an upload that fails or is too large is aborted and leaves nothing.
// Requests are signed with AWS Signature Version 4 and use path-style URLs
// (endpoint/bucket/key), which MinIO, Ceph and S3 itself accept. Tested
// against s3rver, which checks signatures.

export const PART_BYTES = 5 * 1024 * 1024;
const EMPTY_HASH = createHash("sha256").digest("hex");

export type S3Config = {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
};

export function s3ConfigFromEnv(env = process.env): S3Config {
  const config = {
    endpoint: env.S3_ENDPOINT?.trim() ?? "",
    region: env.S3_REGION?.trim() || "us-east-1",
    bucket: env.S3_BUCKET?.trim() ?? "",
    accessKeyId: env.S3_ACCESS_KEY_ID?.trim() ?? "",
    secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() ?? "",
  };
  const missing = (["endpoint", "bucket", "accessKeyId", "secretAccessKey"] as const).filter((name) => !config[name]);
  if (missing.length)
    throw new Error(`ATTACHMENT_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.`);
  return config;
}

// RFC 3986 unreserved characters stay; everything else is percent-encoded, as SigV4 requires.
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

export class S3AttachmentStore implements AttachmentStore {
  readonly kind = "s3";
  constructor(private readonly config: S3Config) {}

  private async request(
    method: string,
    key: string | null,
    query: Record<string, string> = {},
    body?: Buffer,
  ): Promise<Response> {
    const { endpoint, region, bucket, accessKeyId, secretAccessKey } = this.config;
    const url = new URL(endpoint);
    const path = `${url.pathname.replace(/\/$/, "")}/${encode(bucket)}${key === null ? "" : `/${encode(key)}`}`;
    const canonicalQuery = Object.keys(query)
      .sort()
      .map((name) => `${encode(name)}=${encode(query[name])}`)
      .join("&");
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    const day = amzDate.slice(0, 8);
    const payloadHash = body ? sha256(body) : EMPTY_HASH;
    const headers: Record<string, string> = {
      host: url.host,
      "x-amz-content-sha256": payloadHash,
      "x-amz-date": amzDate,
    };
    const signedHeaders = Object.keys(headers).sort().join(";");
    const canonicalRequest = [
      method,
      path,
      canonicalQuery,
      ...Object.keys(headers)
        .sort()
        .map((name) => `${name}:${headers[name]}`),
      "",
      signedHeaders,
      payloadHash,
    ].join("\n");
    const scope = `${day}/${region}/s3/aws4_request`;
    const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), "s3"), "aws4_request");
    const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
    const { host: _host, ...sent } = headers;
    return fetch(`${url.origin}${path}${canonicalQuery ? `?${canonicalQuery}` : ""}`, {
      method,
      headers: {
        ...sent,
        Authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
      },
      body: body as unknown as BodyInit | undefined,
    });
  }

  private async expectOk(response: Response, what: string): Promise<string> {
    const text = await response.text();
    if (response.ok) return text;
    // Quota or storage exhausted on the server: the same clear refusal as a full disk.
    if (response.status === 507 || /<Code>(EntityTooLarge|QuotaExceeded|InsufficientStorage)<\/Code>/.test(text))
      throw new AttachmentStoreFullError(new Error(text));
    throw new Error(`S3 ${what} failed: ${response.status} ${/<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? ""}`.trim());
  }

  async put(
    key: string,
    source: AsyncIterable<Uint8Array>,
    options: { maxBytes?: number } = {},
  ): Promise<StoredObject> {
    assertKey(key);
    const created = await this.expectOk(await this.request("POST", key, { uploads: "" }), "starting an upload");
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)?.[1];
    if (!uploadId) throw new Error("S3 did not return an upload id");
    const hash = createHash("sha256");
    let sizeBytes = 0;
    const parts: string[] = [];
    try {
      for await (const part of chunksOf(source, PART_BYTES, options.maxBytes)) {
        hash.update(part);
        sizeBytes += part.length;
        const response = await this.request("PUT", key, { partNumber: String(parts.length + 1), uploadId }, part);
        await this.expectOk(response, "uploading a part");
        parts.push(response.headers.get("etag") ?? "");
      }
      if (parts.length === 0) {
        // An empty file: S3 needs at least one part.
        const response = await this.request("PUT", key, { partNumber: "1", uploadId }, Buffer.alloc(0));
        await this.expectOk(response, "uploading a part");
        parts.push(response.headers.get("etag") ?? "");
      }
      const manifest = `<CompleteMultipartUpload>${parts
        .map((etag, index) => `<Part><PartNumber>${index + 1}</PartNumber><ETag>${etag}</ETag></Part>`)
        .join("")}</CompleteMultipartUpload>`;
      await this.expectOk(await this.request("POST", key, { uploadId }, Buffer.from(manifest)), "completing an upload");
      return { sizeBytes, sha256: hash.digest("hex") };
    } catch (error) {
      await this.request("DELETE", key, { uploadId }).catch(() => undefined);
      if (error instanceof AttachmentTooLargeError || error instanceof AttachmentStoreFullError) throw error;
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    assertKey(key);
    const response = await this.request("GET", key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok || !response.body) {
      await this.expectOk(response, "reading a file");
      return null;
    }
    return Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>);
  }

  async delete(key: string) {
    assertKey(key);
    const response = await this.request("DELETE", key);
    if (response.status !== 404) await this.expectOk(response, "removing a file");
    else await response.body?.cancel();
  }

  async *keys(): AsyncIterable<string> {
    let token: string | null = null;
    do {
      const query: Record<string, string> = { "list-type": "2", "max-keys": "1000" };
      if (token) query["continuation-token"] = token;
      const listing = await this.expectOk(await this.request("GET", null, query), "listing files");
      for (const match of listing.matchAll(/<Key>([^<]+)<\/Key>/g)) yield match[1];
      token = /<IsTruncated>true<\/IsTruncated>/.test(listing)
        ? (/<NextContinuationToken>([^<]+)<\/NextContinuationToken>/.exec(listing)?.[1] ?? null)
        : null;
    } while (token);
  }
}
