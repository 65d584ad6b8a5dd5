/**
 * Token signing keys. A fresh RS256 key pair per emulator start (published
 * at the JWKS endpoint), plus a "foreign" key that is never published, for
 * minting test tokens with an invalid signature.
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** Public JWK as published (kty, n, e, kid, use, alg, x5t). */
  publicJwk: JWK;
}

export interface KeySet {
  active: SigningKey;
  /** Never published: tokens signed with it fail validation. Created on first use. */
  foreign(): Promise<SigningKey>;
  jwks(): { keys: JWK[] };
}

async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, 'sha256');
  return { kid, privateKey, publicKey, publicJwk: { ...jwk, kid, use: 'sig', alg: 'RS256' } };
}

export async function createKeySet(): Promise<KeySet> {
  const active = await createSigningKey();
  let foreign: Promise<SigningKey> | null = null;
  return {
    active,
    foreign: () => (foreign ??= createSigningKey()),
    jwks: () => ({ keys: [active.publicJwk] }),
  };
}
