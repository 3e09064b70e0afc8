/**
 * Passphrase encryption for files that travel on USB sticks and by email.
 *
 * Layout (all integers big-endian):
 *   magic "PTENC" (5) | format version (1) = 1 | log2 N (1) | r (1) | p (1) | salt (16) | iv (12) | ciphertext | tag (16)
 * The header (everything before the ciphertext) is the AES-256-GCM additional data, so a changed
 * byte anywhere, or a wrong passphrase, fails authentication and nothing is written.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { AppError } from '../errors';

export const ENCRYPTED_MAGIC = Buffer.from('PTENC', 'ascii');
const FORMAT_VERSION = 1;
const HEADER_LENGTH = 5 + 1 + 3 + 16 + 12;
const TAG_LENGTH = 16;

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** N = 2^17, r = 8, p = 1: about 128 MiB and a fraction of a second per key. */
export const DEFAULT_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };

/**
 * The scrypt costs a file may name: what this app writes (N = 2^17) and the cheaper ones its tests
 * write (down to 2^14), r = 8, p = 1. The header is authenticated only after the key is derived,
 * so a file could otherwise make a refusal cost minutes and gigabytes: anything else is refused
 * before any derivation.
 */
export function isKnownScrypt(params: ScryptParams): boolean {
  return params.log2N >= 14 && params.log2N <= DEFAULT_SCRYPT.log2N && params.r === 8 && params.p === 1;
}

function scryptOptions(params: ScryptParams) {
  if (!isKnownScrypt(params)) throw new Error(`unsupported scrypt parameters ${JSON.stringify(params)}`);
  const N = 2 ** params.log2N;
  // scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is too small for N = 2^17.
  return { N, r: params.r, p: params.p, maxmem: 128 * N * params.r + 16 * 1024 * 1024 };
}

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, scryptOptions(params));
}

/** The same key, derived on libuv's thread pool: the calling thread keeps answering meanwhile. */
export function deriveKeyAsync(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options = scryptOptions(params);
  return new Promise((resolve, reject) => scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export function isEncrypted(head: Buffer): boolean {
  return head.length >= ENCRYPTED_MAGIC.length && head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC);
}

function sealHeader(params: ScryptParams): { header: Buffer; salt: Buffer; iv: Buffer } {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  return { header: Buffer.concat([ENCRYPTED_MAGIC, Buffer.from([FORMAT_VERSION, params.log2N, params.r, params.p]), salt, iv]), salt, iv };
}

function seal(plain: Buffer, key: Buffer, header: Buffer, iv: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

export function encryptBytes(plain: Buffer, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Buffer {
  if (!passphrase) throw new Error('empty passphrase');
  const { header, salt, iv } = sealHeader(params);
  return seal(plain, deriveKey(passphrase, salt, params), header, iv);
}

/** encryptBytes with the key derived off the calling thread. */
export async function encryptBytesAsync(plain: Buffer, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<Buffer> {
  if (!passphrase) throw new Error('empty passphrase');
  const { header, salt, iv } = sealHeader(params);
  return seal(plain, await deriveKeyAsync(passphrase, salt, params), header, iv);
}

const refused = (zh: string, en: string) => new AppError('not_a_database', { zh, en });

interface Sealed {
  params: ScryptParams;
  header: Buffer;
  salt: Buffer;
  iv: Buffer;
  body: Buffer;
  tag: Buffer;
}

/** The header read and checked (format, known scrypt costs) before any key is derived. */
function unsealHeader(file: Buffer, passphrase: string | undefined): Sealed {
  if (!passphrase) {
    throw refused('该文件已加密：请输入导出时设置的密码。', 'This file is encrypted: enter the passphrase it was exported with.');
  }
  if (file.length < HEADER_LENGTH + TAG_LENGTH || !isEncrypted(file)) {
    throw refused('加密文件不完整或已损坏。', 'The encrypted file is incomplete or damaged.');
  }
  const version = file[5]!;
  if (version !== FORMAT_VERSION) {
    throw refused('该加密文件由更新版本的应用创建，请先更新本应用。', 'This encrypted file was made by a newer version of the app; update the app first.');
  }
  const params: ScryptParams = { log2N: file[6]!, r: file[7]!, p: file[8]! };
  if (!isKnownScrypt(params)) {
    throw refused('加密文件的参数无效，文件可能已被改动。', 'The encrypted file has invalid parameters; it may have been altered.');
  }
  return {
    params,
    header: file.subarray(0, HEADER_LENGTH),
    salt: file.subarray(9, 25),
    iv: file.subarray(25, HEADER_LENGTH),
    body: file.subarray(HEADER_LENGTH, file.length - TAG_LENGTH),
    tag: file.subarray(file.length - TAG_LENGTH),
  };
}

function open(sealed: Sealed, key: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
  decipher.setAAD(sealed.header);
  decipher.setAuthTag(sealed.tag);
  try {
    return Buffer.concat([decipher.update(sealed.body), decipher.final()]);
  } catch {
    throw refused('密码错误，或文件在传输中被改动。未导入任何内容。', 'Wrong passphrase, or the file was altered on the way. Nothing was imported.');
  }
}

export function decryptBytes(file: Buffer, passphrase: string | undefined): Buffer {
  const sealed = unsealHeader(file, passphrase);
  return open(sealed, deriveKey(passphrase!, sealed.salt, sealed.params));
}

/** decryptBytes with the key derived off the calling thread. */
export async function decryptBytesAsync(file: Buffer, passphrase: string | undefined): Promise<Buffer> {
  const sealed = unsealHeader(file, passphrase);
  return open(sealed, await deriveKeyAsync(passphrase!, sealed.salt, sealed.params));
}
