import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** Random bytes in a session token, sign-in link token or sign-in request id (160 bits). */
const TOKEN_BYTES = 20;
export const SIGN_IN_CODE_DIGITS = 6;

/** Returns a random token of 160 bits from `crypto.getRandomValues`, base32-encoded. */
export function generateToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Returns the lower-case hex SHA-256 of `value`; only such hashes of tokens and codes are stored. */
export function hashSecret(value: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
}

/** Compares two hex hashes in time independent of where they differ. */
export function hashesEqual(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  return left.length === right.length && constantTimeEqual(left, right);
}

/** Returns a uniformly random 6-digit code, leading zeros kept. */
export function generateCode(): string {
  const range = 10 ** SIGN_IN_CODE_DIGITS;
  // Rejection sampling: values at or above the largest multiple of `range` would skew the result.
  const limit = Math.floor(0x1_0000_0000 / range) * range;
  const buffer = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buffer);
    const value = buffer[0] ?? 0;
    if (value < limit) return String(value % range).padStart(SIGN_IN_CODE_DIGITS, "0");
  }
}

/** Hashes a code together with its request id, so two requests with the same code differ. */
export function hashCode(requestId: string, code: string): string {
  return hashSecret(`${requestId}:${code}`);
}
