/**
 * Passphrase encryption for files that travel on USB sticks and by email.
 *
 * Layout (all integers big-endian):
 *   magic "PTENC" (5) | format version (1) = 1 | log2 N (1) | r (1) | p (1) | salt (16) | iv (12) | ciphertext | tag (16)
 * The header (everything before the ciphertext) is the AES-256-GCM additional data, so a changed
 * byte anywhere, or a wrong passphrase, fails authentication and nothing is written.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
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

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Buffer {
  const N = 2 ** params.log2N;
  // scrypt needs 128 * N * r bytes; Node's default maxmem (32 MiB) is too small for N = 2^17.
  const maxmem = 128 * N * params.r + 16 * 1024 * 1024;
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r: params.r, p: params.p, maxmem });
}

export function isEncrypted(head: Buffer): boolean {
  return head.length >= ENCRYPTED_MAGIC.length && head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC);
}

export function encryptBytes(plain: Buffer, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Buffer {
  if (!passphrase) throw new Error('empty passphrase');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header = Buffer.concat([ENCRYPTED_MAGIC, Buffer.from([FORMAT_VERSION, params.log2N, params.r, params.p]), salt, iv]);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(passphrase, salt, params), iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

const refused = (zh: string, en: string) => new AppError('not_a_database', { zh, en });

export function decryptBytes(file: Buffer, passphrase: string | undefined): Buffer {
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
  if (params.log2N < 14 || params.log2N > 20 || params.r < 1 || params.r > 16 || params.p < 1 || params.p > 4) {
    throw refused('加密文件的参数无效，文件可能已被改动。', 'The encrypted file has invalid parameters; it may have been altered.');
  }
  const header = file.subarray(0, HEADER_LENGTH);
  const salt = file.subarray(9, 25);
  const iv = file.subarray(25, HEADER_LENGTH);
  const body = file.subarray(HEADER_LENGTH, file.length - TAG_LENGTH);
  const tag = file.subarray(file.length - TAG_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(passphrase, salt, params), iv);
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw refused(
      '密码错误，或文件在传输中被改动。未导入任何内容。',
      'Wrong passphrase, or the file was altered on the way. Nothing was imported.',
    );
  }
}
