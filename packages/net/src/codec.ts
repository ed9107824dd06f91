/**
 * The one msgpackr setup of every connection: control messages are plain data (objects, arrays,
 * strings, numbers, bytes), so no records and no Maps. Flint's data codec (@flint/rdd) is a
 * different thing: it carries user records inside these messages as opaque bytes.
 */
import { Packr } from 'msgpackr';
import { ProtocolError, errorMessage } from './errors.js';

const packr = new Packr({ useRecords: false, mapsAsObjects: true });

export function encodeMessage(message: object): Uint8Array {
  return packr.pack(message);
}

/** Decodes one message; undecodable bytes are a ProtocolError, never anything else. */
export function decodeMessage(bytes: Uint8Array): unknown {
  try {
    return packr.unpack(bytes);
  } catch (error) {
    throw new ProtocolError(`undecodable message: ${errorMessage(error)}`);
  }
}
