/**
 * aes_encrypt / aes_decrypt / try_aes_decrypt, byte for byte as Spark's ExpressionImplUtils: a 16,
 * 24 or 32 byte key; ECB (PKCS padding), CBC (PKCS, a 16-byte IV written before the ciphertext)
 * or GCM (the default: a 12-byte IV before and a 16-byte tag after, with optional AAD). An IV left
 * empty is random. Strings are their UTF-8 bytes.
 */
import { BinaryType } from '../../types/index.js';
import { scalar } from './define.js';

const BINARY = new BinaryType();

const AES = `const sqlAes = (() => {
  const crypto = process.getBuiltinModule('node:crypto');
  const bytes = (v) => (typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v));
  const error = (condition, state, text) => new Error('[' + condition + '] ' + text + ' SQLSTATE: ' + state);
  const modes = { ECB: { cipher: 'ecb', padding: 'PKCS', iv: 0 }, CBC: { cipher: 'cbc', padding: 'PKCS', iv: 16 }, GCM: { cipher: 'gcm', padding: 'NONE', iv: 12 } };
  function spec(fn, key, mode, padding) {
    if (![16, 24, 32].includes(key.length)) {
      throw error('INVALID_PARAMETER_VALUE.AES_KEY_LENGTH', '22023', 'The value of parameter(s) \`key\` in \`' + fn + '\` is invalid: expects a binary value with 16, 24 or 32 bytes, but got ' + key.length + ' bytes.');
    }
    const m = modes[String(mode).toUpperCase()];
    const p = String(padding).toUpperCase();
    if (m === undefined || (p !== 'DEFAULT' && p !== m.padding)) {
      throw error('UNSUPPORTED_FEATURE.AES_MODE', '0A000', 'The feature is not supported: AES-' + mode + ' with the padding ' + padding + ' by the \`' + fn + '\` function.');
    }
    return { ...m, algorithm: 'aes-' + key.length * 8 + '-' + m.cipher };
  }
  function encrypt(input, keyValue, mode, padding, ivValue, aadValue) {
    const key = bytes(keyValue), iv = bytes(ivValue), aad = bytes(aadValue);
    const s = spec('aes_encrypt', key, mode, padding);
    if (iv.length > 0 && iv.length !== s.iv) {
      throw error('INVALID_PARAMETER_VALUE.AES_IV_LENGTH', '22023', 'The value of parameter(s) \`iv\` in \`aes_encrypt\` is invalid: expects ' + s.iv + ' bytes, but got ' + iv.length + ' bytes.');
    }
    const vector = s.iv === 0 ? null : iv.length > 0 ? iv : crypto.randomBytes(s.iv);
    const cipher = crypto.createCipheriv(s.algorithm, key, vector);
    if (s.cipher === 'gcm' && aad.length > 0) cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(bytes(input)), cipher.final()]);
    return new Uint8Array(Buffer.concat([vector ?? Buffer.alloc(0), body, s.cipher === 'gcm' ? cipher.getAuthTag() : Buffer.alloc(0)]));
  }
  function decrypt(fn, inputValue, keyValue, mode, padding, aadValue) {
    const input = bytes(inputValue), key = bytes(keyValue), aad = bytes(aadValue);
    const s = spec(fn, key, mode, padding);
    try {
      const tag = s.cipher === 'gcm' ? 16 : 0;
      const decipher = crypto.createDecipheriv(s.algorithm, key, s.iv === 0 ? null : input.subarray(0, s.iv));
      if (tag > 0) {
        decipher.setAuthTag(input.subarray(input.length - tag));
        if (aad.length > 0) decipher.setAAD(aad);
      }
      return new Uint8Array(Buffer.concat([decipher.update(input.subarray(s.iv, input.length - tag)), decipher.final()]));
    } catch (e) {
      throw error('INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR', '22023', 'The value of parameter(s) \`expr\`, \`key\` in \`' + fn + '\` is invalid: detail message: ' + e.message + '.');
    }
  }
  return { encrypt, decrypt };
})();`;

/** The arguments Spark fills in, shown in the column name: mode GCM, padding DEFAULT, an empty IV and AAD. */
const withDefaults = (args: string[], defaults: string[]) => [...args, ...defaults.slice(args.length - 2)].join(', ');

scalar('aes_encrypt', {
  args: [2, 6],
  returns: BINARY,
  nondeterministic: true,
  pretty: (args) => `aes_encrypt(${withDefaults(args, ['GCM', 'DEFAULT', '', ''])})`,
  gen: ([input, key, mode, padding, iv, aad]) => `sqlAes.encrypt(${input}, ${key}, ${mode ?? `'GCM'`}, ${padding ?? `'DEFAULT'`}, ${iv ?? `''`}, ${aad ?? `''`})`,
  helpers: { sqlAes: AES },
});
scalar('aes_decrypt', {
  args: [2, 5],
  returns: BINARY,
  pretty: (args) => `aes_decrypt(${withDefaults(args, ['GCM', 'DEFAULT', ''])})`,
  gen: ([input, key, mode, padding, aad]) => `sqlAes.decrypt('aes_decrypt', ${input}, ${key}, ${mode ?? `'GCM'`}, ${padding ?? `'DEFAULT'`}, ${aad ?? `''`})`,
  helpers: { sqlAes: AES },
});
scalar('try_aes_decrypt', {
  args: [2, 5],
  returns: BINARY,
  nullableResult: true,
  pretty: (args) => `try_aes_decrypt(${withDefaults(args, ['GCM', 'DEFAULT', ''])})`,
  gen: ([input, key, mode, padding, aad]) =>
    `(() => { try { return sqlAes.decrypt('try_aes_decrypt', ${input}, ${key}, ${mode ?? `'GCM'`}, ${padding ?? `'DEFAULT'`}, ${aad ?? `''`}); } catch { return null; } })()`,
  helpers: { sqlAes: AES },
});
